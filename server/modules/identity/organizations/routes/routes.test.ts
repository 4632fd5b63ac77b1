import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TActorContext } from '../../actor.ts';
import { ACTOR_ROUTERS, asActor, seedMember } from '../../identity.test-kit.ts';
import {
  invitationTokenFor,
  PUBLIC_URL,
  roleOf,
  setupOrganizationsTest,
  type TTestContext,
} from '../organizations.test-kit.ts';
import { organizationRoutes } from './index.ts';

type TBody = { error?: { code: string; details: unknown[] }; data?: unknown[]; [k: string]: unknown };

describe('organization routes under /api/v1', () => {
  let t: TTestContext;
  let actor: TActorContext;
  let owner: TActorContext & { email: string };
  let viewer: TActorContext & { email: string };
  let stranger: TActorContext & { email: string };
  const call = async (method: string, path: string, body?: unknown, as?: TActorContext) => {
    const app = asActor(
      organizationRoutes({
        routers: ACTOR_ROUTERS,
        db: t.db,
        events: t.events,
        cache: t.cache,
        mailer: t.mailer,
        publicUrl: PUBLIC_URL,
        defaultPlan: 'unlimited',
      }),
      () => as ?? actor,
    );
    const res = await app.request(`/api/v1${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as TBody, text };
  };

  beforeAll(async () => {
    t = await setupOrganizationsTest();
    owner = await seedMember(t.db, { role: 'owner', plan: 'pro' });
    viewer = await seedMember(t.db, { role: 'viewer', organizationId: owner.organizationId });
    stranger = await seedMember(t.db, { role: 'owner', plan: 'pro' });
    actor = owner;
  });
  afterAll(() => t.close());

  it('creates (201) and lists my organizations, whatever organization I act in', async () => {
    const created = await call('POST', '/organizations', { name: 'Route Made', slug: 'route-made' }, viewer);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug: 'route-made', role: 'owner', plan: 'unlimited' });
    expect(
      (await call('POST', '/organizations', { name: 'Again', slug: 'route-made' })).body.error?.code,
    ).toBe('CONFLICT');
    const mine = await call('GET', '/organizations', undefined, viewer);
    expect(mine.status).toBe(200);
    expect(mine.body.pagination).toMatchObject({ total: 2, limit: 20, offset: 0 });
  });

  it('answers 400 VALIDATION_ERROR on bad bodies and params', async () => {
    const bad: [string, string, unknown][] = [
      ['POST', '/organizations', { name: '' }],
      ['POST', '/organizations', { name: 'x', slug: 'Bad Slug' }],
      ['POST', '/organizations', { name: 'x', extra: 1 }],
      ['POST', '/organizations', '{not json'],
      ['PATCH', `/organizations/${owner.organizationId}`, {}],
      ['PATCH', `/organizations/${owner.organizationId}`, { settings: { dataRetentionDays: 0 } }],
      ['PATCH', `/organizations/${owner.organizationId}`, { settings: { dataRetentionDays: 3651 } }],
      ['PATCH', `/organizations/${owner.organizationId}`, { settings: { unknown: true } }],
      ['PATCH', `/organizations/${owner.organizationId}`, { plan: 'gold' }],
      ['PATCH', `/organizations/${owner.organizationId}/members/${viewer.userId}`, { role: 'emperor' }],
      ['POST', `/organizations/${owner.organizationId}/transfer-ownership`, { userId: 'nope' }],
      [
        'POST',
        `/organizations/${owner.organizationId}/invitations`,
        { email: 'not-an-email', role: 'viewer' },
      ],
      ['POST', `/organizations/${owner.organizationId}/invitations`, { email: 'a@b.example', role: 42 }],
      ['POST', '/invitations/accept', { token: '' }],
      ['GET', '/organizations/not-a-uuid', undefined],
      ['GET', `/organizations/${owner.organizationId}/members?limit=0`, undefined],
    ];
    for (const [method, path, body] of bad) {
      const res = await call(method, path, body);
      expect([path, res.status, res.body.error?.code]).toEqual([path, 400, 'VALIDATION_ERROR']);
    }
  });

  it('reads and updates the current organization; another organization’s id is 404', async () => {
    expect((await call('GET', `/organizations/${owner.organizationId}`)).body).toMatchObject({
      role: 'owner',
    });
    const patched = await call('PATCH', `/organizations/${owner.organizationId}`, {
      name: 'Renamed',
      settings: { featureFlags: { beta: true } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Renamed', settings: { featureFlags: { beta: true } } });
    // The plan is the instance operator's: the owner asking for a bigger one is refused, not served.
    const upgrade = await call('PATCH', `/organizations/${owner.organizationId}`, { plan: 'enterprise' });
    expect([upgrade.status, upgrade.body.error?.code]).toEqual([403, 'INSUFFICIENT_PERMISSIONS']);
    expect((await call('GET', `/organizations/${owner.organizationId}`)).body).toMatchObject({ plan: 'pro' });
    const denied = await call('PATCH', `/organizations/${owner.organizationId}`, { name: 'No' }, viewer);
    expect([denied.status, denied.body.error?.code]).toEqual([403, 'INSUFFICIENT_PERMISSIONS']);
    const otherId = stranger.organizationId;
    for (const [method, path, body] of [
      ['GET', `/organizations/${otherId}`, undefined],
      ['PATCH', `/organizations/${otherId}`, { name: 'Hijacked' }],
      ['GET', `/organizations/${otherId}/members`, undefined],
      ['PATCH', `/organizations/${otherId}/members/${stranger.userId}`, { role: 'viewer' }],
      ['DELETE', `/organizations/${otherId}/members/${stranger.userId}`, undefined],
      ['POST', `/organizations/${otherId}/leave`, undefined],
      ['POST', `/organizations/${otherId}/transfer-ownership`, { userId: owner.userId }],
      ['POST', `/organizations/${otherId}/invitations`, { email: 'z@example.com', role: 'viewer' }],
      ['GET', `/organizations/${otherId}/invitations`, undefined],
      ['DELETE', `/organizations/${otherId}/invitations/${crypto.randomUUID()}`, undefined],
    ] as const) {
      const res = await call(method, path, body);
      expect([path, res.status, res.body.error?.code]).toEqual([path, 404, 'RESOURCE_NOT_FOUND']);
      expect(res.text).not.toContain(stranger.email);
    }
    expect(await roleOf(t.db, otherId, stranger.userId)).toBe('owner');
  });

  it('manages members: list, change role, remove, leave, transfer, with the SPEC codes', async () => {
    const dev = await seedMember(t.db, { role: 'developer', organizationId: owner.organizationId });
    const list = await call('GET', `/organizations/${owner.organizationId}/members?limit=2`);
    expect(list.status).toBe(200);
    expect(list.body.pagination).toMatchObject({ total: 3, limit: 2, hasNext: true });
    const members = `/organizations/${owner.organizationId}/members`;
    expect((await call('PATCH', `${members}/${dev.userId}`, { role: 'admin' })).body).toEqual({
      userId: dev.userId,
      role: 'admin',
    });
    expect((await call('PATCH', `${members}/${dev.userId}`, { role: 'viewer' }, viewer)).status).toBe(403);
    const lastOwner = await call('PATCH', `${members}/${owner.userId}`, { role: 'admin' });
    expect([lastOwner.status, lastOwner.body.error?.code]).toEqual([409, 'CONFLICT']);
    expect((await call('PATCH', `${members}/${crypto.randomUUID()}`, { role: 'admin' })).status).toBe(404);
    expect((await call('DELETE', `${members}/${owner.userId}`)).status).toBe(409);
    expect((await call('POST', `/organizations/${owner.organizationId}/leave`)).status).toBe(409);
    expect((await call('DELETE', `${members}/${dev.userId}`, undefined, viewer)).status).toBe(403);
    expect((await call('DELETE', `${members}/${dev.userId}`)).status).toBe(204);

    const heir = await seedMember(t.db, { role: 'developer', organizationId: owner.organizationId });
    const transfer = `/organizations/${owner.organizationId}/transfer-ownership`;
    expect((await call('POST', transfer, { userId: heir.userId }, viewer)).status).toBe(403);
    expect((await call('POST', transfer, { userId: heir.userId })).status).toBe(204);
    expect(await roleOf(t.db, owner.organizationId, owner.userId)).toBe('admin');
    const leaver = await seedMember(t.db, { role: 'client', organizationId: owner.organizationId });
    expect(
      (await call('POST', `/organizations/${owner.organizationId}/leave`, undefined, leaver)).status,
    ).toBe(204);
    // The tests below act as the organization's owner again.
    actor = { ...heir, orgRole: 'owner' };
  });

  it('invites, lists, revokes and accepts through the API; the token is never in a response', async () => {
    const invitationsPath = `/organizations/${owner.organizationId}/invitations`;
    const guest = await seedMember(t.db, { role: 'owner' });
    const created = await call('POST', invitationsPath, { email: guest.email, role: 'designer' });
    expect(created.status).toBe(201);
    const token = await invitationTokenFor(t.db, guest.email);
    expect(created.text).not.toContain(token);
    expect((await call('POST', invitationsPath, { email: owner.email, role: 'viewer' })).status).toBe(409);
    expect(
      (await call('POST', invitationsPath, { email: 'v@example.com', role: 'viewer' }, viewer)).status,
    ).toBe(403);
    const listed = await call('GET', invitationsPath);
    expect(listed.status).toBe(200);
    expect(listed.text).not.toContain(token);
    expect((await call('GET', invitationsPath, undefined, viewer)).status).toBe(403);

    const wrong = await call('POST', '/invitations/accept', { token }, stranger);
    expect([wrong.status, wrong.body.error?.code]).toEqual([401, 'AUTHENTICATION_FAILED']);
    expect((await call('POST', '/invitations/accept', { token: 'x'.repeat(43) }, guest)).status).toBe(404);
    const accepted = await call('POST', '/invitations/accept', { token }, guest);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ organizationId: owner.organizationId, role: 'designer' });
    const reused = await call('POST', '/invitations/accept', { token }, guest);
    expect([reused.status, reused.body.error?.code]).toEqual([400, 'VALIDATION_ERROR']);

    const other = await call('POST', invitationsPath, { email: 'revoke-me@example.com', role: 'viewer' });
    const id = (other.body as { id: string }).id;
    expect((await call('DELETE', `${invitationsPath}/${id}`, undefined, viewer)).status).toBe(403);
    expect((await call('DELETE', `${invitationsPath}/${id}`)).status).toBe(204);
    expect((await call('DELETE', `${invitationsPath}/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('answers 409 CONFLICT, not 429, when the starter plan has no seat left, saying what the plan allows', async () => {
    const solo = await seedMember(t.db, { role: 'owner', plan: 'starter' });
    const res = await call(
      'POST',
      `/organizations/${solo.organizationId}/invitations`,
      { email: 'q@example.com', role: 'viewer' },
      solo,
    );
    expect([res.status, res.body.error?.code]).toEqual([409, 'CONFLICT']);
    expect((res.body.error as { message?: string } | undefined)?.message).toMatch(
      /^Your plan \(starter\) allows 1 member, counting pending invitations/,
    );
  });

  it('documents every route in the OpenAPI document', () => {
    const router = organizationRoutes({
      routers: ACTOR_ROUTERS,
      db: t.db,
      events: t.events,
      cache: t.cache,
      mailer: t.mailer,
      publicUrl: PUBLIC_URL,
      defaultPlan: 'unlimited',
    });
    const doc = router.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    expect(Object.keys(doc.paths ?? {}).sort()).toEqual([
      '/invitations/accept',
      '/organizations',
      '/organizations/{id}',
      '/organizations/{id}/invitations',
      '/organizations/{id}/invitations/{invitationId}',
      '/organizations/{id}/leave',
      '/organizations/{id}/members',
      '/organizations/{id}/members/{userId}',
      '/organizations/{id}/transfer-ownership',
    ]);
  });
});
