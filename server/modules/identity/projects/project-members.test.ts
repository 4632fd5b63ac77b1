import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TActorContext } from '../actor.ts';
import { seedMember } from '../identity.test-kit.ts';
import { createProjectsHarness, type TProjectsHarness } from './projects.test-kit.ts';

type TMember = {
  userId: string;
  role: string;
  permissions: Record<string, boolean>;
  joinedAt: string | null;
};

describe('project members over /api/v1/projects/{id}/members', () => {
  let h: TProjectsHarness;
  let creator: TActorContext; // designer who creates the project, so owns it
  let admin: TActorContext;
  let alice: TActorContext; // org viewer
  let bob: TActorContext; // org client
  let outsider: TActorContext; // another organization
  let project: string;
  const path = (suffix = '') => `/projects/${project}/members${suffix}`;
  const members = async (actor = creator) => (await h.call(actor, 'GET', path())).body.data as TMember[];

  beforeAll(async () => {
    h = await createProjectsHarness();
    creator = await seedMember(h.db, { role: 'designer' });
    const organizationId = creator.organizationId;
    admin = await seedMember(h.db, { role: 'admin', organizationId });
    alice = await seedMember(h.db, { role: 'viewer', organizationId });
    bob = await seedMember(h.db, { role: 'client', organizationId });
    outsider = await seedMember(h.db, { role: 'owner' });
  });
  beforeEach(async () => {
    project = (await h.call(creator, 'POST', '/projects', { name: 'Team', type: 'web-app' })).body
      .id as string;
  });
  afterAll(() => h.close());

  it('adds, lists, changes the role of and removes a member', async () => {
    const added = await h.call(creator, 'POST', path(), { userId: alice.userId, role: 'commenter' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      projectId: project,
      userId: alice.userId,
      role: 'commenter',
      permissions: {},
    });
    expect(added.body.joinedAt).toEqual(expect.any(String));

    const list = await h.call(alice, 'GET', path());
    expect(list.status).toBe(200);
    expect((list.body.data as TMember[]).map((m) => [m.userId, m.role])).toEqual([
      [creator.userId, 'owner'],
      [alice.userId, 'commenter'],
    ]);
    expect(list.body.pagination).toEqual({ total: 2, limit: 20, offset: 0, hasNext: false, hasPrev: false });

    const changed = await h.call(creator, 'PATCH', path(`/${alice.userId}`), {
      role: 'editor',
      permissions: { canDeploy: false },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'editor', permissions: { canDeploy: false } });

    expect((await h.call(creator, 'DELETE', path(`/${alice.userId}`))).status).toBe(204);
    expect((await members()).map((m) => m.userId)).toEqual([creator.userId]);
    expect((await h.call(creator, 'DELETE', path(`/${alice.userId}`))).status).toBe(404);
  });

  it('keeps the permission overrides when only the role changes', async () => {
    await h.call(creator, 'POST', path(), {
      userId: alice.userId,
      role: 'editor',
      permissions: { canDeploy: false },
    });
    const res = await h.call(creator, 'PATCH', path(`/${alice.userId}`), { role: 'commenter' });
    expect(res.body).toMatchObject({ role: 'commenter', permissions: { canDeploy: false } });
  });

  it('refuses a user outside the organization or unknown (400) and a duplicate (409)', async () => {
    for (const userId of [outsider.userId, crypto.randomUUID()]) {
      const res = await h.call(creator, 'POST', path(), { userId, role: 'viewer' });
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('VALIDATION_ERROR');
    }
    expect((await h.call(creator, 'POST', path(), { userId: bob.userId, role: 'viewer' })).status).toBe(201);
    const dup = await h.call(creator, 'POST', path(), { userId: bob.userId, role: 'editor' });
    expect(dup.status).toBe(409);
    expect(dup.body.error?.code).toBe('CONFLICT');
    expect((await members()).find((m) => m.userId === bob.userId)?.role).toBe('viewer');
  });

  it('keeps at least one owner member', async () => {
    const demote = await h.call(creator, 'PATCH', path(`/${creator.userId}`), { role: 'editor' });
    expect(demote.status).toBe(409);
    const remove = await h.call(creator, 'DELETE', path(`/${creator.userId}`));
    expect(remove.status).toBe(409);
    expect(remove.body.error?.code).toBe('CONFLICT');
    // With a second owner, the first may step down.
    await h.call(creator, 'POST', path(), { userId: alice.userId, role: 'owner' });
    expect((await h.call(creator, 'PATCH', path(`/${creator.userId}`), { role: 'editor' })).status).toBe(200);
    expect((await h.call(alice, 'DELETE', path(`/${alice.userId}`))).status).toBe(409);
    expect((await members()).map((m) => [m.userId, m.role])).toEqual([
      [creator.userId, 'editor'],
      [alice.userId, 'owner'],
    ]);
  });

  it('lets only admins, the project owner and owner members manage members', async () => {
    // A client with no project role: may read members (viewer+), may not add.
    expect((await h.call(bob, 'GET', path())).status).toBe(200);
    const refused = await h.call(bob, 'POST', path(), { userId: alice.userId, role: 'viewer' });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('INSUFFICIENT_PERMISSIONS');
    // An editor member cannot invite; an owner member (an org viewer) can.
    await h.call(admin, 'POST', path(), { userId: bob.userId, role: 'editor' });
    expect((await h.call(bob, 'POST', path(), { userId: alice.userId, role: 'viewer' })).status).toBe(403);
    expect((await h.call(bob, 'DELETE', path(`/${creator.userId}`))).status).toBe(403);
    await h.call(admin, 'PATCH', path(`/${bob.userId}`), { role: 'owner' });
    expect((await h.call(bob, 'POST', path(), { userId: alice.userId, role: 'viewer' })).status).toBe(201);
    expect((await h.call(bob, 'DELETE', path(`/${alice.userId}`))).status).toBe(204);
  });

  it('applies a role change to the member’s rights on the next request', async () => {
    await h.call(creator, 'POST', path(), { userId: alice.userId, role: 'editor' });
    expect((await h.call(alice, 'PATCH', `/projects/${project}`, { name: 'by alice' })).status).toBe(200);
    await h.call(creator, 'PATCH', path(`/${alice.userId}`), { role: 'viewer' });
    expect((await h.call(alice, 'PATCH', `/projects/${project}`, { name: 'again' })).status).toBe(403);
    await h.call(creator, 'DELETE', path(`/${alice.userId}`));
    expect((await h.call(alice, 'GET', `/projects/${project}`)).status).toBe(200); // org viewers read all
  });

  it('answers 404 for a user who is not a member and for an unknown project', async () => {
    expect((await h.call(creator, 'PATCH', path(`/${bob.userId}`), { role: 'viewer' })).status).toBe(404);
    expect((await h.call(creator, 'DELETE', path(`/${crypto.randomUUID()}`))).status).toBe(404);
    const unknown = `/projects/${crypto.randomUUID()}/members`;
    expect((await h.call(creator, 'GET', unknown)).status).toBe(404);
    expect((await h.call(creator, 'POST', unknown, { userId: alice.userId, role: 'viewer' })).status).toBe(
      404,
    );
  });

  it.each([
    ['POST', '', { userId: 'not-a-uuid', role: 'viewer' }],
    ['POST', '', { userId: 'x', role: 'viewer' }],
    ['POST', '', { role: 'viewer' }],
    ['POST', '', { userId: '00000000-0000-4000-8000-000000000000', role: 'boss' }],
    ['POST', '', { userId: '00000000-0000-4000-8000-000000000000', role: 'viewer', extra: 1 }],
    [
      'POST',
      '',
      { userId: '00000000-0000-4000-8000-000000000000', role: 'viewer', permissions: { canFly: true } },
    ],
    [
      'POST',
      '',
      { userId: '00000000-0000-4000-8000-000000000000', role: 'viewer', permissions: { canEdit: 'yes' } },
    ],
    ['PATCH', '/not-a-uuid', { role: 'viewer' }],
    ['PATCH', '/00000000-0000-4000-8000-000000000000', {}],
    ['PATCH', '/00000000-0000-4000-8000-000000000000', { role: 7 }],
    ['DELETE', '/nope', undefined],
  ])('refuses %s members%s with body %j (400)', async (method, suffix, body) => {
    const res = await h.call(creator, method, path(suffix), body);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('VALIDATION_ERROR');
  });

  it('refuses a malformed project id (400)', async () => {
    expect((await h.call(creator, 'GET', '/projects/xyz/members')).status).toBe(400);
  });
});
