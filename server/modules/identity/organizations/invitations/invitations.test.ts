import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainEvents } from '../../../../platform/events/index.ts';
import { listOutbox } from '../../../../platform/mail/index.ts';
import { invitations } from '../../access-schema.ts';
import { seedMember } from '../../identity.test-kit.ts';
import { organizationMembers } from '../../schema.ts';
import {
  eventsOf,
  invitationTokenFor,
  PUBLIC_URL,
  roleOf,
  setupOrganizationsTest,
  type TTestContext,
} from '../organizations.test-kit.ts';
import { acceptInvitation } from './accept-invitation.ts';
import { createInvitation } from './create-invitation.ts';
import { listInvitations } from './list-invitations.ts';
import { revokeInvitation } from './revoke-invitation.ts';
import { hashInvitationToken } from './token.ts';

type TActor = Awaited<ReturnType<typeof seedMember>>;
const PAGE = { limit: 20, offset: 0 };

describe('invitations', () => {
  let t: TTestContext;
  beforeAll(async () => {
    t = await setupOrganizationsTest();
  });
  afterAll(() => t.close());

  const invite = (
    actor: TActor,
    email: string,
    role: 'admin' | 'developer' | 'owner' | 'viewer' = 'developer',
  ) =>
    createInvitation({
      events: t.events,
      mailer: t.mailer,
      publicUrl: `${PUBLIC_URL}/`,
      actor,
      input: { email, role },
    });
  /** A user who exists (signed up) but belongs to another organization. */
  const invitee = () => seedMember(t.db, { role: 'owner' });
  const accept = (user: TActor, token: string) =>
    acceptInvitation({ events: t.events, userId: user.userId, token });

  it('invites by mail with a 7-day link; only the hash is stored, never the token in events or the response', async () => {
    const admin = await seedMember(t.db, { role: 'admin' });
    const guest = await invitee();
    const before = Date.now();
    const view = await invite(admin, guest.email.toUpperCase(), 'developer');
    expect(view).toMatchObject({
      email: guest.email,
      role: 'developer',
      status: 'pending',
      invitedBy: admin.userId,
    });
    const days = (Date.parse(view.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);

    const token = await invitationTokenFor(t.db, guest.email);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const { rows } = await listOutbox(t.db, { to: guest.email, kind: 'invitation', limit: 1, offset: 0 });
    expect(rows[0]?.textBody).toContain(`${PUBLIC_URL}/invitations/accept?token=${token}`);
    const [stored] = await t.db.orm.select().from(invitations).where(eq(invitations.id, view.id));
    expect(stored?.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(view)).not.toContain(token);
    const all = await t.db.orm
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.organizationId, admin.organizationId));
    expect(JSON.stringify(all)).not.toContain(token);
    expect(JSON.stringify(all)).not.toContain(stored!.tokenHash);
    const [event] = await eventsOf(t.db, 'invitation.created', admin.organizationId);
    expect(event).toMatchObject({
      userId: admin.userId,
      payload: { invitationId: view.id, role: 'developer' },
    });

    const joined = await accept(guest, token);
    expect(joined).toMatchObject({ organizationId: admin.organizationId, role: 'developer' });
    expect(await roleOf(t.db, admin.organizationId, guest.userId)).toBe('developer');
    const [accepted] = await eventsOf(t.db, 'invitation.accepted', admin.organizationId);
    expect(accepted).toMatchObject({ userId: guest.userId, payload: { memberUserId: guest.userId } });
    const listed = await listInvitations({ db: t.db, actor: admin, page: PAGE });
    expect(listed.rows[0]).toMatchObject({ id: view.id, status: 'accepted', acceptedBy: guest.userId });
  });

  it('refuses a reused token, a wrong email, an unknown token', async () => {
    const admin = await seedMember(t.db, { role: 'admin' });
    const guest = await invitee();
    const someoneElse = await invitee();
    await invite(admin, guest.email);
    const token = await invitationTokenFor(t.db, guest.email);
    await expect(accept(someoneElse, token)).rejects.toMatchObject({ code: 'AUTHENTICATION_FAILED' });
    await accept(guest, token);
    await expect(accept(guest, token)).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      message: /already been used/,
    });
    await expect(accept(guest, 'not-a-real-token')).rejects.toMatchObject({ code: 'RESOURCE_NOT_FOUND' });
  });

  it('refuses an expired invitation', async () => {
    const admin = await seedMember(t.db, { role: 'admin' });
    const guest = await invitee();
    const view = await invite(admin, guest.email);
    await t.db.orm
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, view.id));
    await expect(accept(guest, await invitationTokenFor(t.db, guest.email))).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      message: /expired/,
    });
    const listed = await listInvitations({ db: t.db, actor: admin, page: PAGE });
    expect(listed.rows.find((r) => r.id === view.id)?.status).toBe('expired');
  });

  it('revokes: the link stops working; revoking again is harmless; accepted ones cannot be revoked', async () => {
    const admin = await seedMember(t.db, { role: 'admin' });
    const guest = await invitee();
    const view = await invite(admin, guest.email);
    await revokeInvitation({ events: t.events, actor: admin, invitationId: view.id });
    await revokeInvitation({ events: t.events, actor: admin, invitationId: view.id });
    expect(await eventsOf(t.db, 'invitation.revoked', admin.organizationId)).toHaveLength(1);
    await expect(accept(guest, await invitationTokenFor(t.db, guest.email))).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      message: /revoked/,
    });
    const second = await invite(admin, guest.email);
    await accept(guest, await invitationTokenFor(t.db, guest.email));
    await expect(
      revokeInvitation({ events: t.events, actor: admin, invitationId: second.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('replaces a pending invitation for the same address, and refuses inviting a member', async () => {
    const admin = await seedMember(t.db, { role: 'admin' });
    const member = await seedMember(t.db, { role: 'viewer', organizationId: admin.organizationId });
    const guest = await invitee();
    const first = await invite(admin, guest.email);
    const firstToken = await invitationTokenFor(t.db, guest.email);
    const second = await invite(admin, guest.email, 'viewer');
    const { rows } = await listInvitations({ db: t.db, actor: admin, page: PAGE });
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      [second.id, 'pending'],
      [first.id, 'revoked'],
    ]);
    const [replaced] = await eventsOf(t.db, 'invitation.revoked', admin.organizationId);
    expect(replaced?.payload).toMatchObject({ invitationId: first.id, reason: 'replaced' });
    await expect(accept(guest, firstToken)).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    await expect(invite(admin, member.email.toUpperCase())).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('enforces roles: the catalogue for inviting, listing, revoking, and the role ceiling', async () => {
    const owner = await seedMember(t.db, { role: 'owner' });
    const admin = await seedMember(t.db, { role: 'admin', organizationId: owner.organizationId });
    const developer = await seedMember(t.db, { role: 'developer', organizationId: owner.organizationId });
    const denied = { code: 'INSUFFICIENT_PERMISSIONS' };
    await expect(invite(developer, 'a@example.com')).rejects.toMatchObject(denied);
    await expect(invite(admin, 'b@example.com', 'owner')).rejects.toMatchObject(denied);
    const view = await invite(owner, 'c@example.com', 'owner');
    await expect(
      revokeInvitation({ events: t.events, actor: developer, invitationId: view.id }),
    ).rejects.toMatchObject(denied);
  });

  it('treats another tenant’s invitation as unknown', async () => {
    const admin = await seedMember(t.db, { role: 'admin' });
    const stranger = await seedMember(t.db, { role: 'owner' });
    const theirs = await invite(stranger, 'x@example.com');
    await expect(
      revokeInvitation({ events: t.events, actor: admin, invitationId: theirs.id }),
    ).rejects.toMatchObject({ code: 'RESOURCE_NOT_FOUND' });
    expect((await listInvitations({ db: t.db, actor: admin, page: PAGE })).total).toBe(0);
    const [row] = await t.db.orm.select().from(invitations).where(eq(invitations.id, theirs.id));
    expect(row?.revokedAt).toBeNull();
  });

  it('counts members and pending invitations against the plan’s member limit', async () => {
    const solo = await seedMember(t.db, { role: 'owner', plan: 'starter' });
    await expect(invite(solo, 'one@example.com')).rejects.toMatchObject({
      code: 'CONFLICT',
      status: 409,
      message: expect.stringMatching(/^Your plan \(starter\) allows 1 member, counting pending invitations/),
    });
    expect((await listInvitations({ db: t.db, actor: solo, page: PAGE })).total).toBe(0);
    // Mail goes out only after the invitation commits: a refused one sends nothing.
    expect((await listOutbox(t.db, { to: 'one@example.com', limit: 5, offset: 0 })).total).toBe(0);

    // Pro (10): 9 members + 1 pending fill it; replacing the pending one is still allowed.
    const owner = await seedMember(t.db, { role: 'owner', plan: 'pro' });
    for (let i = 0; i < 8; i++)
      await seedMember(t.db, { role: 'viewer', organizationId: owner.organizationId });
    const guest = await invitee();
    await invite(owner, guest.email);
    await invite(owner, guest.email);
    await expect(invite(owner, 'eleventh@example.com')).rejects.toMatchObject({ code: 'CONFLICT' });
    const token = await invitationTokenFor(t.db, guest.email);
    // Quota again at accept: a member added since the invitation fills the last seat.
    await seedMember(t.db, { role: 'viewer', organizationId: owner.organizationId });
    await expect(accept(guest, token)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await roleOf(t.db, owner.organizationId, guest.userId)).toBeUndefined();
  });

  it('refuses accepting into an organization one already belongs to', async () => {
    const admin = await seedMember(t.db, { role: 'admin' });
    const guest = await invitee();
    await invite(admin, guest.email);
    const token = await invitationTokenFor(t.db, guest.email);
    await t.db.orm
      .insert(organizationMembers)
      .values({ organizationId: admin.organizationId, userId: guest.userId });
    await expect(accept(guest, token)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
