import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from './modules/identity/api-keys/create-api-key.ts';
import { seedMember } from './modules/identity/identity.test-kit.ts';
import { ACTION_NAMES, ACTIONS, isAction, roleGrants } from './modules/identity/permissions/index.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

// Every operation names the access it needs in `x-permission`: an action of the permissions catalogue,
// 'member' (any member of an organization), 'authenticated' (any signed-in user), 'instance_admin' (the
// instance's operators) or 'public'. The guarded
// routers enforce that same value, so the document and the behaviour cannot drift apart. better-auth's own
// /auth/* endpoints get theirs from identity's list of public auth endpoints, which guards them too.
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
const NON_ACTIONS = new Set(['member', 'authenticated', 'public', 'instance_admin']);
const SOME_ID = '00000000-0000-4000-8000-000000000000';

type TOperation = { name: string; method: string; path: string; permission: unknown };

describe('route access', () => {
  let s: TestServer;
  let ops: TOperation[];
  beforeAll(async () => {
    s = await startTestServer();
    const res = await fetch(`${s.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const paths = ((await res.json()) as { paths: Record<string, Record<string, Record<string, unknown>>> })
      .paths;
    ops = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.has(method))
        .map(([method, op]) => ({
          name: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          path,
          permission: op['x-permission'],
        })),
    );
  }, 60_000);
  afterAll(() => s?.stop());

  it('finds the operations of every module (the document is the one under test)', () => {
    const names = ops.map((o) => o.name);
    for (const expected of [
      'GET /api/v1/projects',
      'POST /api/v1/tokens/refresh',
      'POST /api/v1/ai/generate',
      'POST /v1/chat/completions',
      'GET /api/v1/workflows',
      'POST /api/v1/collaboration/invites/accept',
      'GET /api/v1/system',
    ])
      expect(names).toContain(expected);
    expect(names.length).toBeGreaterThan(60);
  });

  it('has x-permission on every operation, naming a catalogue action or member/authenticated/public/instance_admin', () => {
    const actions = new Set<string>(ACTION_NAMES);
    const missing = ops.filter((o) => typeof o.permission !== 'string').map((o) => o.name);
    expect(missing, 'operations without x-permission').toEqual([]);
    const unknown = ops
      .filter(
        (o) =>
          typeof o.permission === 'string' && !actions.has(o.permission) && !NON_ACTIONS.has(o.permission),
      )
      .map((o) => `${o.name}: ${String(o.permission)}`);
    expect(unknown, 'x-permission values that are not actions').toEqual([]);
  });

  it('answers 401 without credentials on every operation but the documented public ones', async () => {
    const wrong: string[] = [];
    for (const op of ops) {
      if (op.permission === 'public') continue;
      const url = `${s.url}${op.path.replace(/\{[^}]+\}/g, SOME_ID)}`;
      const hasBody = !['GET', 'HEAD', 'DELETE'].includes(op.method);
      const res = await fetch(url, {
        method: op.method,
        ...(hasBody ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}),
      });
      await res.arrayBuffer();
      if (res.status !== 401) wrong.push(`${op.name}: ${res.status}`);
      // SPEC §2: the rate-limit headers are on every API response, refusals included.
      if (!res.headers.get('x-ratelimit-limit')) wrong.push(`${op.name}: no X-RateLimit-Limit`);
    }
    expect(wrong, 'operations that did not refuse an anonymous call with 401').toEqual([]);
  });

  it('puts the rate-limit headers on public operations too: /auth/*, /system', async () => {
    for (const path of ['/api/v1/system', '/api/v1/auth/get-session', '/api/v1/auth/ok']) {
      const res = await fetch(`${s.url}${path}`);
      await res.arrayBuffer();
      expect([path, res.status < 500, res.headers.get('x-ratelimit-limit')]).toEqual([path, true, '300']);
    }
    const signIn = await fetch(`${s.url}/api/v1/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: s.url },
      body: JSON.stringify({ email: 'nobody@example.com', password: 'wrong password' }),
    });
    await signIn.arrayBuffer();
    expect(signIn.status).toBe(401);
    expect(signIn.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
  });

  it('refuses a member who is not an instance admin on every instance_admin operation (403)', async () => {
    const member = await seedMember(s.platform.db, { role: 'owner' });
    const { key } = await createApiKey({
      events: s.platform.events,
      actor: member,
      input: { name: 'owner key', scopes: ['read', 'write', 'admin'] },
    });
    const adminOps = ops.filter((o) => o.permission === 'instance_admin');
    expect(adminOps.map((o) => o.name)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/admin/organizations',
        'PATCH /api/v1/admin/organizations/{id}',
        'GET /api/v1/system/migrations',
      ]),
    );
    const wrong: string[] = [];
    for (const op of adminOps) {
      const hasBody = !['GET', 'HEAD', 'DELETE'].includes(op.method);
      const res = await fetch(`${s.url}${op.path.replace(/\{[^}]+\}/g, SOME_ID)}`, {
        method: op.method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(hasBody ? { 'content-type': 'application/json' } : {}),
        },
        ...(hasBody ? { body: '{}' } : {}),
      });
      await res.arrayBuffer();
      if (res.status !== 403) wrong.push(`${op.name}: ${res.status}`);
    }
    expect(wrong, 'instance_admin operations an organization owner reached').toEqual([]);
  });

  it('refuses a member whose role lacks the declared action (403), from the declaration alone', async () => {
    const db = s.platform.db;
    const owner = await seedMember(db, { role: 'owner' });
    const viewer = await seedMember(db, { role: 'viewer', organizationId: owner.organizationId });
    // A key with every scope, so the viewer's role is what refuses (a key cannot exceed its creator's role;
    // the key row is made as if granted, to take the scope check out of the way).
    const { key } = await createApiKey({
      events: s.platform.events,
      actor: { ...viewer, orgRole: 'owner' },
      input: { name: 'all scopes', scopes: ['read', 'write', 'admin'] },
    });
    // Actions no ownership or project role can grant: the organization role alone decides, before the handler.
    const decidedByRole = ops.filter((o) => {
      const a = o.permission;
      return (
        typeof a === 'string' &&
        isAction(a) &&
        !ACTIONS[a].owner &&
        !ACTIONS[a].project &&
        !roleGrants('viewer', a)
      );
    });
    expect(decidedByRole.length).toBeGreaterThan(15);
    const wrong: string[] = [];
    for (const op of decidedByRole) {
      const url = `${s.url}${op.path.replace(/\{[^}]+\}/g, SOME_ID)}`;
      const hasBody = !['GET', 'HEAD', 'DELETE'].includes(op.method);
      const res = await fetch(url, {
        method: op.method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(hasBody ? { 'content-type': 'application/json' } : {}),
        },
        ...(hasBody ? { body: '{}' } : {}),
      });
      const body = (await res.json()) as { error?: { code?: string } };
      if (res.status !== 403 || body.error?.code !== 'INSUFFICIENT_PERMISSIONS')
        wrong.push(`${op.name}: ${res.status}`);
    }
    expect(wrong, 'operations a viewer reached despite their declared action').toEqual([]);
  });

  it('refuses at start a route whose declaration its router does not take', async () => {
    const { createRoute, z } = await import('@hono/zod-openapi');
    const route = createRoute({
      method: 'get',
      path: '/misdeclared',
      'x-permission': 'public',
      responses: { 200: { description: 'ok', content: { 'application/json': { schema: z.object({}) } } } },
    });
    expect(() => s.modules.identity.routers.member().openapi(route, (c) => c.json({}, 200))).toThrow(
      /member router does not take x-permission "public"/,
    );
    const undeclared = createRoute({
      method: 'get',
      path: '/undeclared',
      responses: { 200: { description: 'ok', content: { 'application/json': { schema: z.object({}) } } } },
    });
    expect(() => s.modules.identity.routers.public().openapi(undeclared, (c) => c.json({}, 200))).toThrow(
      /does not take x-permission undefined/,
    );
  });
});
