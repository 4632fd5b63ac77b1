import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMember } from '../../identity.test-kit.ts';
import { countOwners } from '../locking.ts';
import { eventsOf, roleOf, setupOrganizationsTest, type TTestContext } from '../organizations.test-kit.ts';
import { changeMemberRole } from './change-member-role.ts';
import { leaveOrganization } from './leave-organization.ts';
import { listMembers } from './list-members.ts';
import { removeMember } from './remove-member.ts';
import { transferOwnership } from './transfer-ownership.ts';

const PAGE = { limit: 20, offset: 0 };

describe('members', () => {
  let t: TTestContext;
  beforeAll(async () => {
    t = await setupOrganizationsTest();
  });
  afterAll(() => t.close());

  const team = async () => {
    const owner = await seedMember(t.db, { role: 'owner' });
    const org = { organizationId: owner.organizationId };
    const admin = await seedMember(t.db, { role: 'admin', ...org });
    const developer = await seedMember(t.db, { role: 'developer', ...org });
    const viewer = await seedMember(t.db, { role: 'viewer', ...org });
    const stranger = await seedMember(t.db, { role: 'owner' });
    return { owner, admin, developer, viewer, stranger };
  };

  it('lists members with pagination, to any member, never another tenant’s', async () => {
    const { owner, viewer, stranger } = await team();
    const all = await listMembers({ db: t.db, actor: viewer, page: PAGE });
    expect(all.total).toBe(4);
    expect(all.rows.map((m) => m.userId)).toContain(owner.userId);
    expect(all.rows.map((m) => m.userId)).not.toContain(stranger.userId);
    expect(all.rows[0]).toMatchObject({ userId: owner.userId, email: owner.email, role: 'owner' });
    const second = await listMembers({
      db: t.db,
      actor: viewer,
      page: { limit: 2, offset: 2, order: 'desc' },
    });
    expect(second.rows.map((m) => m.role)).toEqual(['admin', 'owner']);
  });

  it('changes a role and emits member.role_changed', async () => {
    const { admin, viewer } = await team();
    const result = await changeMemberRole({
      events: t.events,
      cache: t.cache,
      actor: admin,
      memberUserId: viewer.userId,
      role: 'developer',
    });
    expect(result).toEqual({ userId: viewer.userId, role: 'developer' });
    expect(await roleOf(t.db, admin.organizationId, viewer.userId)).toBe('developer');
    const [event] = await eventsOf(t.db, 'member.role_changed', admin.organizationId);
    expect(event).toMatchObject({
      userId: admin.userId,
      payload: { memberUserId: viewer.userId, fromRole: 'viewer', toRole: 'developer' },
    });
  });

  it('refuses role changes the catalogue or the ceiling forbids', async () => {
    const { owner, admin, developer, viewer } = await team();
    const change = (actor: typeof owner, memberUserId: string, role: 'owner' | 'admin' | 'viewer') =>
      changeMemberRole({ events: t.events, cache: t.cache, actor, memberUserId, role });
    const denied = { code: 'INSUFFICIENT_PERMISSIONS' };
    await expect(change(developer, viewer.userId, 'viewer')).rejects.toMatchObject(denied);
    await expect(change(admin, viewer.userId, 'owner')).rejects.toMatchObject(denied);
    await expect(change(admin, owner.userId, 'viewer')).rejects.toMatchObject(denied);
    await expect(change(admin, admin.userId, 'owner')).rejects.toMatchObject(denied);
    expect(await roleOf(t.db, owner.organizationId, owner.userId)).toBe('owner');
  });

  it('never demotes the last owner', async () => {
    const { owner, admin } = await team();
    await expect(
      changeMemberRole({
        events: t.events,
        cache: t.cache,
        actor: owner,
        memberUserId: owner.userId,
        role: 'admin',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // With a second owner, one of them may step down.
    await changeMemberRole({
      events: t.events,
      cache: t.cache,
      actor: owner,
      memberUserId: admin.userId,
      role: 'owner',
    });
    await changeMemberRole({
      events: t.events,
      cache: t.cache,
      actor: owner,
      memberUserId: owner.userId,
      role: 'admin',
    });
    expect(await countOwners(t.db.orm, owner.organizationId)).toBe(1);
  });

  it('treats another tenant’s member as unknown', async () => {
    const { owner, stranger } = await team();
    const notFound = { code: 'RESOURCE_NOT_FOUND' };
    await expect(
      changeMemberRole({
        events: t.events,
        cache: t.cache,
        actor: owner,
        memberUserId: stranger.userId,
        role: 'viewer',
      }),
    ).rejects.toMatchObject(notFound);
    await expect(
      removeMember({ events: t.events, cache: t.cache, actor: owner, memberUserId: stranger.userId }),
    ).rejects.toMatchObject(notFound);
    await expect(
      transferOwnership({ events: t.events, cache: t.cache, actor: owner, toUserId: stranger.userId }),
    ).rejects.toMatchObject(notFound);
    expect(await roleOf(t.db, stranger.organizationId, stranger.userId)).toBe('owner');
  });

  it('removes a member (admin), emitting member.removed; refuses lower roles and the last owner', async () => {
    const { owner, admin, developer, viewer } = await team();
    await expect(
      removeMember({ events: t.events, cache: t.cache, actor: developer, memberUserId: viewer.userId }),
    ).rejects.toMatchObject({
      code: 'INSUFFICIENT_PERMISSIONS',
    });
    await expect(
      removeMember({ events: t.events, cache: t.cache, actor: admin, memberUserId: owner.userId }),
    ).rejects.toMatchObject({
      code: 'INSUFFICIENT_PERMISSIONS',
    });
    await expect(
      removeMember({ events: t.events, cache: t.cache, actor: owner, memberUserId: owner.userId }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await removeMember({ events: t.events, cache: t.cache, actor: admin, memberUserId: viewer.userId });
    expect(await roleOf(t.db, owner.organizationId, viewer.userId)).toBeUndefined();
    const [event] = await eventsOf(t.db, 'member.removed', owner.organizationId);
    expect(event).toMatchObject({
      userId: admin.userId,
      payload: { memberUserId: viewer.userId, role: 'viewer' },
    });
  });

  it('lets a member leave, but not the last owner', async () => {
    const { owner, viewer } = await team();
    await leaveOrganization({ events: t.events, cache: t.cache, actor: viewer });
    expect(await roleOf(t.db, owner.organizationId, viewer.userId)).toBeUndefined();
    const [event] = await eventsOf(t.db, 'member.left', owner.organizationId);
    expect(event).toMatchObject({ userId: viewer.userId, payload: { memberUserId: viewer.userId } });
    await expect(leaveOrganization({ events: t.events, cache: t.cache, actor: owner })).rejects.toMatchObject(
      {
        code: 'CONFLICT',
      },
    );
    expect(await roleOf(t.db, owner.organizationId, owner.userId)).toBe('owner');
    // Having left, a second leave finds no membership.
    await expect(
      leaveOrganization({ events: t.events, cache: t.cache, actor: viewer }),
    ).rejects.toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
    });
  });

  it('transfers ownership: target becomes owner, previous owner admin', async () => {
    const { owner, admin, developer } = await team();
    await expect(
      transferOwnership({ events: t.events, cache: t.cache, actor: admin, toUserId: developer.userId }),
    ).rejects.toMatchObject({
      code: 'INSUFFICIENT_PERMISSIONS',
    });
    await expect(
      transferOwnership({ events: t.events, cache: t.cache, actor: owner, toUserId: owner.userId }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
    await transferOwnership({ events: t.events, cache: t.cache, actor: owner, toUserId: developer.userId });
    expect(await roleOf(t.db, owner.organizationId, developer.userId)).toBe('owner');
    expect(await roleOf(t.db, owner.organizationId, owner.userId)).toBe('admin');
    const [event] = await eventsOf(t.db, 'organization.ownership_transferred', owner.organizationId);
    expect(event?.payload).toMatchObject({ fromUserId: owner.userId, toUserId: developer.userId });
    // The former owner's stale request can no longer act as owner.
    await expect(
      transferOwnership({ events: t.events, cache: t.cache, actor: owner, toUserId: admin.userId }),
    ).rejects.toMatchObject({
      code: 'INSUFFICIENT_PERMISSIONS',
    });
  });

  it('keeps an owner when two owners demote each other at the same time', async () => {
    for (let round = 0; round < 3; round++) {
      const a = await seedMember(t.db, { role: 'owner' });
      const b = await seedMember(t.db, { role: 'owner', organizationId: a.organizationId });
      const results = await Promise.allSettled([
        changeMemberRole({
          events: t.events,
          cache: t.cache,
          actor: a,
          memberUserId: b.userId,
          role: 'admin',
        }),
        changeMemberRole({
          events: t.events,
          cache: t.cache,
          actor: b,
          memberUserId: a.userId,
          role: 'admin',
        }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await countOwners(t.db.orm, a.organizationId)).toBe(1);
    }
  });

  it('keeps an owner when two owners remove each other or both leave at once', async () => {
    const a = await seedMember(t.db, { role: 'owner' });
    const b = await seedMember(t.db, { role: 'owner', organizationId: a.organizationId });
    await Promise.allSettled([
      removeMember({ events: t.events, cache: t.cache, actor: a, memberUserId: b.userId }),
      removeMember({ events: t.events, cache: t.cache, actor: b, memberUserId: a.userId }),
    ]);
    expect(await countOwners(t.db.orm, a.organizationId)).toBe(1);
    const c = await seedMember(t.db, { role: 'owner' });
    const d = await seedMember(t.db, { role: 'owner', organizationId: c.organizationId });
    await Promise.allSettled([
      leaveOrganization({ events: t.events, cache: t.cache, actor: c }),
      leaveOrganization({ events: t.events, cache: t.cache, actor: d }),
    ]);
    expect(await countOwners(t.db.orm, c.organizationId)).toBe(1);
  });
});
