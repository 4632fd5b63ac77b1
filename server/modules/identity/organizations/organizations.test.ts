import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_LIMITS } from '../../../../contracts/plans.ts';
import { seedMember } from '../identity.test-kit.ts';
import { createOrganization } from './create-organization.ts';
import { getOrganization } from './get-organization.ts';
import { listMyOrganizations } from './list-my-organizations.ts';
import { eventsOf, roleOf, setupOrganizationsTest, type TTestContext } from './organizations.test-kit.ts';
import { slugify } from './slug.ts';
import { updateOrganization } from './update-organization.ts';

describe('organizations', () => {
  let t: TTestContext;
  beforeAll(async () => {
    t = await setupOrganizationsTest();
  });
  afterAll(() => t.close());

  it('derives slugs from names', () => {
    expect(slugify('  Ünïcode Labs!  ')).toBe('unicode-labs');
    expect(slugify('AI')).toBe('ai-org');
    expect(slugify('!!!')).toBeUndefined();
    expect(slugify('x'.repeat(60))).toHaveLength(48);
    expect(slugify(`${'a'.repeat(47)} b`)).toBe('a'.repeat(47));
  });

  it('keeps the SPEC plan limits in one map', () => {
    expect(PLAN_LIMITS.starter.members).toBe(1);
    expect(PLAN_LIMITS.pro.members).toBe(10);
    expect(PLAN_LIMITS.enterprise.members).toBeNull();
  });

  it('creates an organization with the creator as owner and emits organization.created', async () => {
    const user = await seedMember(t.db);
    const org = await createOrganization({
      events: t.events,
      plan: 'unlimited',
      userId: user.userId,
      input: { name: 'Acme Studio' },
    });
    expect(org).toMatchObject({ name: 'Acme Studio', slug: 'acme-studio', plan: 'unlimited', role: 'owner' });
    expect(await roleOf(t.db, org.id, user.userId)).toBe('owner');
    const [event] = await eventsOf(t.db, 'organization.created', org.id);
    expect(event).toMatchObject({
      userId: user.userId,
      aggregateId: org.id,
      payload: { slug: 'acme-studio' },
    });
  });

  it('takes a given slug, and refuses a taken one with CONFLICT', async () => {
    const user = await seedMember(t.db);
    const org = await createOrganization({
      events: t.events,
      plan: 'unlimited',
      userId: user.userId,
      input: { name: 'Other', slug: 'my-team' },
    });
    expect(org.slug).toBe('my-team');
    await expect(
      createOrganization({
        events: t.events,
        plan: 'unlimited',
        userId: user.userId,
        input: { name: 'My Team' },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      createOrganization({
        events: t.events,
        plan: 'unlimited',
        userId: user.userId,
        input: { name: '???' },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
  });

  it('lists only my organizations, with my role in each', async () => {
    const me = await seedMember(t.db, { role: 'viewer' });
    const stranger = await seedMember(t.db);
    const mine = await createOrganization({
      events: t.events,
      plan: 'unlimited',
      userId: me.userId,
      input: { name: 'Mine Too' },
    });
    const { rows, total } = await listMyOrganizations({ db: t.db, userId: me.userId });
    expect(total).toBe(2);
    expect(rows.map((r) => [r.id, r.role])).toEqual([
      [me.organizationId, 'viewer'],
      [mine.id, 'owner'],
    ]);
    expect(rows.some((r) => r.id === stranger.organizationId)).toBe(false);
    const page = await listMyOrganizations({ db: t.db, userId: me.userId, page: { limit: 1, offset: 1 } });
    expect(page.rows.map((r) => r.id)).toEqual([mine.id]);
  });

  it('reads the current organization', async () => {
    const viewer = await seedMember(t.db, { role: 'viewer' });
    const org = await getOrganization({ db: t.db, actor: viewer });
    expect(org).toMatchObject({ id: viewer.organizationId, role: 'viewer' });
  });

  it('updates name, slug and settings (merged), emitting organization.updated', async () => {
    const admin = await seedMember(t.db, { role: 'admin' });
    await updateOrganization({
      events: t.events,
      actor: admin,
      input: { settings: { allowGuestAccess: true, featureFlags: { beta: true, old: true } } },
    });
    const org = await updateOrganization({
      events: t.events,
      actor: admin,
      input: {
        name: 'Renamed',
        slug: 'renamed-org',
        settings: { dataRetentionDays: 30, featureFlags: { old: false } },
      },
    });
    expect(org).toMatchObject({ name: 'Renamed', slug: 'renamed-org', role: 'admin' });
    expect(org.settings).toEqual({
      allowGuestAccess: true,
      dataRetentionDays: 30,
      featureFlags: { beta: true, old: false },
    });
    const [event] = await eventsOf(t.db, 'organization.updated', admin.organizationId);
    expect(event?.payload).toMatchObject({ changed: ['name', 'slug', 'settings'], name: 'Renamed' });
    expect(event?.userId).toBe(admin.userId);
  });

  it('refuses a taken slug on update', async () => {
    const a = await seedMember(t.db, { role: 'owner' });
    const b = await seedMember(t.db, { role: 'owner' });
    const other = await getOrganization({ db: t.db, actor: b });
    await expect(
      updateOrganization({ events: t.events, actor: a, input: { slug: other.slug } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('gives a new organization the plan it is given (the instance default)', async () => {
    const user = await seedMember(t.db);
    const org = await createOrganization({
      events: t.events,
      plan: 'starter',
      userId: user.userId,
      input: { name: 'Sold Plan Org' },
    });
    expect(org.plan).toBe('starter');
  });

  it('lets nobody in the organization change its plan, owners included; only admins change name or settings', async () => {
    const owner = await seedMember(t.db, { role: 'owner', plan: 'starter' });
    const admin = await seedMember(t.db, { role: 'admin', organizationId: owner.organizationId });
    const developer = await seedMember(t.db, { role: 'developer', organizationId: owner.organizationId });
    for (const actor of [owner, admin]) {
      await expect(
        updateOrganization({ events: t.events, actor, input: { plan: 'enterprise' } }),
      ).rejects.toMatchObject({
        code: 'INSUFFICIENT_PERMISSIONS',
        message: expect.stringMatching(/Only the instance operator changes an organization's plan/),
      });
    }
    expect((await getOrganization({ db: t.db, actor: owner })).plan).toBe('starter');
    for (const input of [{ name: 'Nope' }, { settings: { allowGuestAccess: false } }]) {
      await expect(updateOrganization({ events: t.events, actor: developer, input })).rejects.toMatchObject({
        code: 'INSUFFICIENT_PERMISSIONS',
      });
    }
  });

  it('decides on the current role, not the one the request started with', async () => {
    const owner = await seedMember(t.db, { role: 'owner' });
    const demoted = await seedMember(t.db, { role: 'viewer', organizationId: owner.organizationId });
    await expect(
      updateOrganization({
        events: t.events,
        actor: { ...demoted, orgRole: 'admin' },
        input: { name: 'Stale' },
      }),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS' });
  });
});
