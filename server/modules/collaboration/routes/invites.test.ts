import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollabRoutesHarness } from '../../../testing/collab-routes.test-kit.ts';
import { seedMember } from '../../identity/identity.test-kit.ts';
import { invitations, organizationMembers, type TActorContext, users } from '../../identity/index.ts';
import { mergePlanLimits } from '../../identity/organizations/index.ts';

const SEATS = 3;

describe('collaboration invites: POST /api/v1/collaboration/invites and /invites/accept', () => {
  let h: Awaited<ReturnType<typeof createCollabRoutesHarness>>;
  let creator: TActorContext; // designer who owns the project
  let viewer: TActorContext; // organization viewer: may not share the project
  let outsider: TActorContext; // owner of another organization
  let projectId: string;
  const invite = (actor: TActorContext, body: unknown) =>
    h.call(actor, 'POST', '/collaboration/invites', body);
  const accept = (actor: TActorContext, token: string) =>
    h.call(actor, 'POST', '/collaboration/invites/accept', { token });
  /** A signed-in user with this email who belongs to no organization yet. */
  async function newcomer(email: string): Promise<TActorContext> {
    const [u] = await h.db.orm.insert(users).values({ email, name: email, emailVerified: true }).returning();
    return { userId: u!.id, organizationId: randomUUID(), orgRole: 'viewer', authMethod: 'session' };
  }
  const email = () => `c-${randomUUID().slice(0, 8)}@example.com`;

  beforeAll(async () => {
    // The instance's PLAN_LIMITS cap enterprise (unlimited by default) at 3 members; other tests use pro.
    h = await createCollabRoutesHarness({ planLimits: mergePlanLimits({ enterprise: { members: SEATS } }) });
    creator = await seedMember(h.db, { role: 'designer' });
    viewer = await seedMember(h.db, { role: 'viewer', organizationId: creator.organizationId });
    outsider = await seedMember(h.db, { role: 'owner' });
    projectId = (await h.callProjects(creator, 'POST', '/projects', { name: 'Site', type: 'web-app' })).body
      .id;
  });
  afterAll(() => h.close());

  it('mails a 7-day link; accepting joins the organization and the project with the role', async () => {
    const to = email();
    const res = await invite(creator, { projectId, email: to.toUpperCase(), role: 'editor' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ projectId, email: to, role: 'editor' });
    const days = (Date.parse(res.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const token = await h.inviteTokenFor(to);
    const person = await newcomer(to);
    const accepted = await accept(person, token);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ organizationId: creator.organizationId, projectId, role: 'editor' });

    const members = await h.callProjects(creator, 'GET', `/projects/${projectId}/members`);
    expect(members.body.data).toContainEqual(
      expect.objectContaining({ userId: person.userId, role: 'editor' }),
    );
    const [org] = await h.db.orm
      .select({ role: organizationMembers.role })
      .from(organizationMembers)
      .where(eq(organizationMembers.userId, person.userId));
    expect(org?.role).toBe('designer');

    const again = await accept(person, token);
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/already been used/);
  });

  it('adds an existing organization member to the project without changing their organization role', async () => {
    const member = await seedMember(h.db, { role: 'developer', organizationId: creator.organizationId });
    const [row] = await h.db.orm
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, member.userId));
    expect((await invite(creator, { projectId, email: row!.email, role: 'viewer' })).status).toBe(201);
    const accepted = await accept(member, await h.inviteTokenFor(row!.email));
    expect(accepted.body).toMatchObject({ projectId, role: 'viewer' });
    const [org] = await h.db.orm
      .select({ role: organizationMembers.role })
      .from(organizationMembers)
      .where(eq(organizationMembers.userId, member.userId));
    expect(org?.role).toBe('developer');
    // A project member cannot be invited to it again.
    const dup = await invite(creator, { projectId, email: row!.email, role: 'editor' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('CONFLICT');
  });

  it('refuses the link for another address, an unknown token and an expired invitation', async () => {
    const to = email();
    await invite(creator, { projectId, email: to, role: 'commenter' });
    const token = await h.inviteTokenFor(to);
    const wrong = await accept(await newcomer(email()), token);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('AUTHENTICATION_FAILED');

    const unknown = await accept(await newcomer(email()), 'x'.repeat(43));
    expect(unknown.status).toBe(404);

    await h.db.orm
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(invitations.email, to), eq(invitations.projectId, projectId)));
    const expired = await accept(await newcomer(to), token);
    expect(expired.status).toBe(400);
    expect(expired.body.error.message).toMatch(/expired/);
  });

  it('replaces a pending invitation to the same address: the old link stops working', async () => {
    const to = email();
    await invite(creator, { projectId, email: to, role: 'viewer' });
    const first = await h.inviteTokenFor(to);
    await invite(creator, { projectId, email: to, role: 'editor' });
    const second = await h.inviteTokenFor(to);
    const person = await newcomer(to);
    expect((await accept(person, first)).body.error.message).toMatch(/revoked/);
    expect((await accept(person, second)).body).toMatchObject({ role: 'editor' });
  });

  it('needs project:share, and hides another tenant’s project', async () => {
    const denied = await invite(viewer, { projectId, email: email(), role: 'viewer' });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('INSUFFICIENT_PERMISSIONS');
    const foreign = await invite(outsider, { projectId, email: email(), role: 'viewer' });
    expect(foreign.status).toBe(404);
    expect((await invite(creator, { projectId: randomUUID(), email: email(), role: 'viewer' })).status).toBe(
      404,
    );
  });

  it('counts seats against the instance’s PLAN_LIMITS exactly like an organization invitation', async () => {
    const owner = await seedMember(h.db, { role: 'owner', plan: 'enterprise' });
    const organizationId = owner.organizationId;
    const colleague = await seedMember(h.db, { role: 'viewer', organizationId });
    const project = (await h.callProjects(owner, 'POST', '/projects', { name: 'Capped', type: 'web-app' }))
      .body.id as string;
    const third = email();
    expect((await invite(owner, { projectId: project, email: third, role: 'editor' })).status).toBe(201);

    // Two members and one pending invitation fill the three seats: both kinds of invitation are refused alike.
    const viaCollab = await invite(owner, { projectId: project, email: email(), role: 'viewer' });
    const viaOrg = await h.callOrganizations(owner, 'POST', `/organizations/${organizationId}/invitations`, {
      email: email(),
      role: 'viewer',
    });
    const refusal = {
      code: 'CONFLICT',
      details: [expect.objectContaining({ quota: 'members', plan: 'enterprise', limit: SEATS, used: SEATS })],
    };
    for (const res of [viaCollab, viaOrg]) {
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject(refusal);
    }
    expect(viaCollab.body.error.message).toBe(viaOrg.body.error.message);

    // A member takes no new seat; an address with a pending invitation holds one seat, whatever it is invited to.
    expect((await invite(owner, { projectId: project, email: colleague.email, role: 'viewer' })).status).toBe(
      201,
    );
    expect((await invite(owner, { projectId: project, email: third, role: 'viewer' })).status).toBe(201);

    // The quota is checked again on accepting: a member added meanwhile took the last seat.
    await seedMember(h.db, { role: 'viewer', organizationId });
    const refused = await accept(await newcomer(third), await h.inviteTokenFor(third));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CONFLICT');
  });

  it('is accepted through the organization invitation link as well, which joins the project', async () => {
    const to = email();
    await invite(creator, { projectId, email: to, role: 'commenter' });
    const person = await newcomer(to);
    const res = await h.callOrganizations(person, 'POST', '/invitations/accept', {
      token: await h.inviteTokenFor(to),
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      organizationId: creator.organizationId,
      organizationName: expect.any(String),
      organizationSlug: expect.any(String),
      role: 'client',
    });
    const members = await h.callProjects(creator, 'GET', `/projects/${projectId}/members`);
    expect(members.body.data).toContainEqual(
      expect.objectContaining({ userId: person.userId, role: 'commenter' }),
    );
  });

  it.each([
    ['an owner role', { role: 'owner' }],
    ['a bad email', { email: 'nope' }],
    ['a malformed project id', { projectId: 'x' }],
    ['an extra field', { organizationId: randomUUID() }],
  ])('answers 400 for %s', async (_label, patch) => {
    const res = await invite(creator, { projectId, email: email(), role: 'viewer', ...patch });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_ERROR', timestamp: expect.any(String) });
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await invite(creator, '{oops');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  });
});
