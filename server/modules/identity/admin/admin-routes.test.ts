import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../testing/test-server.ts';
import { createApiKey } from '../api-keys/create-api-key.ts';
import { seedInstanceAdmin, seedMember } from '../identity.test-kit.ts';
import { organizations, users } from '../schema.ts';

// The instance operator owns plans: the first account is the instance admin, the admin API changes plans,
// owners cannot. And a default install is self-hosted: new organizations are on the unlimited plan.
describe('instance admins and plans on a default install', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  }, 60_000);
  afterAll(() => s?.stop());

  const call = (key: string, method: string, path: string, body?: unknown) =>
    fetch(`${s.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const keyOf = async (actor: Awaited<ReturnType<typeof seedMember>>, scopes = ['admin'] as const) =>
    (await createApiKey({ events: s.platform.events, actor, input: { name: 'k', scopes: [...scopes] } })).key;
  const adminFlag = async (email: string) =>
    (await s.platform.db.orm.select().from(users).where(eq(users.email, email)))[0]?.isInstanceAdmin;

  it('makes the first account to sign up the instance admin, and no later one', async () => {
    const signUp = (email: string) =>
      fetch(`${s.url}/api/v1/auth/sign-up/email`, {
        method: 'POST',
        headers: { origin: s.url, 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'a long password', name: email }),
      });
    expect((await signUp('first@example.com')).status).toBe(200);
    expect((await signUp('second@example.com')).status).toBe(200);
    expect(await adminFlag('first@example.com')).toBe(true);
    expect(await adminFlag('second@example.com')).toBe(false);
  });

  it('puts a new organization on the unlimited plan: members and local generations without caps', async () => {
    const someone = await seedMember(s.platform.db, { plan: 'starter' });
    const created = await call(await keyOf(someone), 'POST', '/organizations', { name: 'Fresh Studio' });
    expect(created.status).toBe(201);
    const org = (await created.json()) as { id: string; plan: string };
    expect(org.plan).toBe('unlimited');
    const owner = { ...someone, organizationId: org.id, orgRole: 'owner' as const };
    const key = await keyOf(owner);
    for (let i = 0; i < 3; i++) {
      const invited = await call(key, 'POST', `/organizations/${org.id}/invitations`, {
        email: `colleague-${i}@example.com`,
        role: 'developer',
      });
      expect(invited.status).toBe(201);
    }
    // More than the starter plan's 10 an hour, on the free local model.
    for (let i = 0; i < 12; i++) {
      const res = await call(key, 'POST', '/ai/generate', {
        prompt: `idea ${i}`,
        model: 'local',
        cache: false,
      });
      expect([i, res.status]).toEqual([i, 200]);
      expect(res.headers.get('x-ai-generations-limit')).toBeNull();
    }
    const usage = (await (await call(key, 'GET', `/organizations/${org.id}/usage`)).json()) as Record<
      string,
      { used: number | null; limit: number | null }
    >;
    expect(usage).toMatchObject({
      plan: 'unlimited',
      members: { used: 4, limit: null },
      aiGenerationsThisHour: { used: 12, limit: null },
    });
  }, 60_000);

  it('refuses an owner who changes their own plan; the instance admin changes it through the admin API', async () => {
    const owner = await seedMember(s.platform.db, { role: 'owner', plan: 'starter' });
    const ownerKey = await keyOf(owner);
    const asOwner = await call(ownerKey, 'PATCH', `/organizations/${owner.organizationId}`, { plan: 'pro' });
    expect(asOwner.status).toBe(403);
    expect(((await asOwner.json()) as { error: { message: string } }).error.message).toMatch(
      /Only the instance operator changes an organization's plan/,
    );
    for (const path of ['/admin/organizations', `/admin/organizations/${owner.organizationId}`]) {
      const method = path.endsWith('organizations') ? 'GET' : 'PATCH';
      const res = await call(ownerKey, method, path, method === 'PATCH' ? { plan: 'pro' } : undefined);
      expect([path, res.status]).toEqual([path, 403]);
    }

    const admin = await seedInstanceAdmin(s.platform.db, s.platform.events);
    // An admin's key without the admin scope cannot act as the operator.
    const readOnly = await keyOf(admin, ['read'] as never);
    expect((await call(readOnly, 'GET', '/admin/organizations')).status).toBe(403);

    const changed = await call(admin.key, 'PATCH', `/admin/organizations/${owner.organizationId}`, {
      plan: 'pro',
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ id: owner.organizationId, plan: 'pro', members: 1 });
    // The cached plan was dropped: the owner's next request already counts against the pro budget.
    const usage = await call(ownerKey, 'GET', `/organizations/${owner.organizationId}/usage`);
    expect(usage.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(await usage.json()).toMatchObject({ plan: 'pro', members: { limit: 10 } });

    const [row] = await s.platform.db.orm
      .select({ plan: organizations.plan })
      .from(organizations)
      .where(eq(organizations.id, owner.organizationId));
    expect(row?.plan).toBe('pro');
    const bad = await call(admin.key, 'PATCH', `/admin/organizations/${owner.organizationId}`, {
      plan: 'gold',
    });
    expect(bad.status).toBe(400);
    const missing = await call(admin.key, 'PATCH', `/admin/organizations/${crypto.randomUUID()}`, {
      plan: 'pro',
    });
    expect(missing.status).toBe(404);
  });

  it('lists every organization with its plan and member count, paginated', async () => {
    const admin = await seedInstanceAdmin(s.platform.db, s.platform.events);
    const first = await call(admin.key, 'GET', '/admin/organizations?limit=2&order=desc');
    expect(first.status).toBe(200);
    const page = (await first.json()) as {
      data: { id: string; plan: string; members: number }[];
      pagination: { total: number; limit: number; hasNext: boolean };
    };
    expect(page.data).toHaveLength(2);
    expect(page.data[0]).toMatchObject({ id: admin.organizationId, members: 1 });
    expect(page.pagination).toMatchObject({ limit: 2, hasNext: true });
    expect(page.pagination.total).toBeGreaterThanOrEqual(4);
  });

  it('keeps /system/migrations for instance admins', async () => {
    expect((await fetch(`${s.url}/api/v1/system/migrations`)).status).toBe(401);
    const member = await seedMember(s.platform.db);
    expect((await call(await keyOf(member), 'GET', '/system/migrations')).status).toBe(403);
    const admin = await seedInstanceAdmin(s.platform.db, s.platform.events);
    const res = await call(admin.key, 'GET', '/system/migrations?limit=1');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ data: [{ name: '0000_init' }] });
  });
});
