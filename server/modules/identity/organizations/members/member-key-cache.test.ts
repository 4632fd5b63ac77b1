import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TActorContext } from '../../actor.ts';
import { setOrganizationPlan } from '../../admin/set-organization-plan.ts';
import { createApiKey, verifyApiKey } from '../../api-keys/index.ts';
import { seedMember } from '../../identity.test-kit.ts';
import { getOrganizationPlan } from '../../limits/org-plan.ts';
import { organizationMembers, organizations } from '../../schema.ts';
import { setupOrganizationsTest, type TTestContext } from '../organizations.test-kit.ts';
import { changeMemberRole } from './change-member-role.ts';
import { leaveOrganization } from './leave-organization.ts';
import { removeMember } from './remove-member.ts';
import { transferOwnership } from './transfer-ownership.ts';

// API-key checks cache the creator's role (30 s) and rate limits cache the plan (60 s). Every membership or
// plan change must drop those entries, so a demoted or removed member's key loses its power at once.
describe('membership and plan changes invalidate the caches API keys rely on', () => {
  let t: TTestContext;
  beforeAll(async () => {
    t = await setupOrganizationsTest();
  });
  afterAll(() => t.close());

  const keyFor = async (actor: TActorContext) =>
    (await createApiKey({ events: t.events, actor, input: { name: 'k', scopes: ['write'] } })).key;
  const verify = (key: string) => verifyApiKey({ db: t.db, cache: t.cache, key });
  const team = async () => {
    const owner = await seedMember(t.db, { role: 'owner' });
    const dev = await seedMember(t.db, { role: 'developer', organizationId: owner.organizationId });
    return { owner, dev, devKey: await keyFor(dev) };
  };

  it('serves a cached role when the database changes behind its back (the control)', async () => {
    const { dev, devKey } = await team();
    expect((await verify(devKey)).orgRole).toBe('developer');
    await t.db.orm
      .update(organizationMembers)
      .set({ role: 'viewer' })
      .where(eq(organizationMembers.userId, dev.userId));
    expect((await verify(devKey)).orgRole).toBe('developer');
  });

  it('a role change takes effect on the member’s key at once', async () => {
    const { owner, dev, devKey } = await team();
    expect((await verify(devKey)).orgRole).toBe('developer');
    await changeMemberRole({
      events: t.events,
      cache: t.cache,
      actor: owner,
      memberUserId: dev.userId,
      role: 'viewer',
    });
    expect((await verify(devKey)).orgRole).toBe('viewer');
  });

  it('removal and leaving refuse the member’s key at once', async () => {
    const a = await team();
    await verify(a.devKey);
    await removeMember({ events: t.events, cache: t.cache, actor: a.owner, memberUserId: a.dev.userId });
    await expect(verify(a.devKey)).rejects.toMatchObject({ code: 'AUTHENTICATION_FAILED' });

    const b = await team();
    await verify(b.devKey);
    await leaveOrganization({ events: t.events, cache: t.cache, actor: b.dev });
    await expect(verify(b.devKey)).rejects.toMatchObject({ code: 'AUTHENTICATION_FAILED' });
  });

  it('an ownership transfer changes both keys’ roles at once', async () => {
    const { owner, dev, devKey } = await team();
    const ownerKey = await keyFor(owner);
    await verify(devKey);
    await verify(ownerKey);
    await transferOwnership({ events: t.events, cache: t.cache, actor: owner, toUserId: dev.userId });
    expect((await verify(ownerKey)).orgRole).toBe('admin');
    expect((await verify(devKey)).orgRole).toBe('owner');
  });

  it('a plan change by the operator drops the cached plan; a change behind its back does not', async () => {
    const { owner } = await team();
    const plan = () =>
      getOrganizationPlan({ db: t.db, cache: t.cache, organizationId: owner.organizationId });
    expect(await plan()).toBe('pro');
    await t.db.orm
      .update(organizations)
      .set({ plan: 'starter' })
      .where(eq(organizations.id, owner.organizationId));
    expect(await plan()).toBe('pro');
    await setOrganizationPlan({
      db: t.db,
      events: t.events,
      cache: t.cache,
      organization: owner.organizationId,
      plan: 'enterprise',
    });
    expect(await plan()).toBe('enterprise');
  });
});
