import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutbox } from '../../platform/mail/index.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

// A new user's whole path through the real server: sign up, verify from the outbox mail, sign in, create an
// organization, make an API key and use it, revoke it. Cookies and Origin handled as a browser would.
describe('identity end to end', () => {
  let s: TestServer;
  let cookie = '';
  const req = (
    path: string,
    init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
  ) =>
    fetch(`${s.url}${path}`, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      headers: {
        origin: s.url,
        ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
        ...init.headers,
      },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
  const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.stop());

  it('refuses anonymous calls with AUTHENTICATION_FAILED', async () => {
    for (const path of ['/api/v1/users/me', '/api/v1/audit', '/api/v1/api-keys', '/api/v1/organizations']) {
      const res = await req(path);
      expect(res.status, path).toBe(401);
      expect(await code(res)).toBe('AUTHENTICATION_FAILED');
    }
  });

  it('takes a new user from sign-up to an organization, an API key and its revocation', async () => {
    const email = 'ada@example.com';
    const password = 'correct horse battery staple';
    expect((await req('/api/v1/auth/sign-up/email', { json: { email, password, name: 'Ada' } })).status).toBe(
      200,
    );

    const notYet = await req('/api/v1/auth/sign-in/email', { json: { email, password } });
    expect(notYet.status).toBe(401);

    const { rows } = await listOutbox(s.platform.db, {
      to: email,
      kind: 'verify-email',
      limit: 1,
      offset: 0,
    });
    const link = new URL(/https?:\/\/\S+/.exec(rows[0]?.textBody ?? '')?.[0] ?? 'http://missing');
    expect(link.origin).toBe(s.url);
    const verified = await req(link.pathname + link.search, { headers: {} });
    expect(verified.status).toBeLessThan(400);

    const signIn = await req('/api/v1/auth/sign-in/email', { json: { email, password } });
    expect(signIn.status).toBe(200);
    cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect(cookie).toMatch(/ff\.session_token=/);

    const me = (await (await req('/api/v1/users/me')).json()) as {
      user: { email: string };
      organizations: [];
    };
    expect(me.user.email).toBe(email);
    expect(me.organizations).toEqual([]);

    // A member of nothing yet: organization routes say what to do next.
    expect(await code(await req('/api/v1/audit'))).toBe('INSUFFICIENT_PERMISSIONS');

    // Cookie writes need a trusted Origin (CSRF).
    const forged = await fetch(`${s.url}/api/v1/organizations`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: 'https://evil.example.com' },
      body: JSON.stringify({ name: 'Evil' }),
    });
    expect(forged.status).toBe(403);

    const created = await req('/api/v1/organizations', { json: { name: 'Analytical Engines' } });
    expect(created.status).toBe(201);
    const org = (await created.json()) as { id: string; slug: string };
    expect(org.slug).toBe('analytical-engines');

    const keyRes = await req('/api/v1/api-keys', { json: { name: 'ci', scopes: ['read'] } });
    expect(keyRes.status).toBe(201);
    const { key, apiKey } = (await keyRes.json()) as { key: string; apiKey: { id: string } };
    expect(key).toMatch(/^ff_/);

    const bearer = { authorization: `Bearer ${key}` };
    const audit = await fetch(`${s.url}/api/v1/audit`, { headers: bearer });
    expect(audit.status).toBe(200);
    // A new organization is on the instance's default plan, unlimited: no hourly budget, so the key is held
    // only to the abuse limit of 600 requests a minute.
    expect(audit.headers.get('x-ratelimit-limit')).toBe('600');
    expect(Number(audit.headers.get('x-ratelimit-remaining'))).toBe(599);
    const types = ((await audit.json()) as { data: { type: string }[] }).data.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['organization.created', 'api_key.created']));

    // A read key cannot write.
    const write = await fetch(`${s.url}/api/v1/api-keys`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', scopes: ['read'] }),
    });
    expect(write.status).toBe(403);

    expect((await req(`/api/v1/api-keys/${apiKey.id}`, { method: 'DELETE' })).status).toBe(204);
    const after = await fetch(`${s.url}/api/v1/audit`, { headers: bearer });
    expect(after.status).toBe(401);
  });

  it('exchanges the session for a JWT that works as a bearer token, refreshes it once, and detects reuse', async () => {
    const issued = await req('/api/v1/tokens', { method: 'POST' });
    expect(issued.status).toBe(200);
    const pair = (await issued.json()) as { accessToken: string; refreshToken: string };
    const bearer = (t: string) => ({ authorization: `Bearer ${t}`, 'content-type': 'application/json' });
    const created = await fetch(`${s.url}/api/v1/projects`, {
      method: 'POST',
      headers: bearer(pair.accessToken),
      body: JSON.stringify({ name: 'Difference Engine', type: 'web-app' }),
    });
    expect(created.status).toBe(201);
    const list = await fetch(`${s.url}/api/v1/projects`, { headers: bearer(pair.accessToken) });
    const body = (await list.json()) as { data: { name: string }[]; pagination: { total: number } };
    expect(body.data.map((p) => p.name)).toEqual(['Difference Engine']);
    expect(body.pagination.total).toBe(1);

    const refresh = (token: string) =>
      fetch(`${s.url}/api/v1/tokens/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: token }),
      });
    const next = await refresh(pair.refreshToken);
    expect(next.status).toBe(200);
    const nextPair = (await next.json()) as { refreshToken: string };
    expect((await refresh(pair.refreshToken)).status).toBe(401);
    // The reuse revoked the whole family, including the token issued from it.
    expect((await refresh(nextPair.refreshToken)).status).toBe(401);

    const forged = `${pair.accessToken.slice(0, -4)}AAAA`;
    expect((await fetch(`${s.url}/api/v1/projects`, { headers: bearer(forged) })).status).toBe(401);
  });

  it('refuses malformed and forged bearer tokens', async () => {
    for (const authorization of ['Bearer', 'Basic abc', 'Bearer ff_nope', `Bearer ${'x'.repeat(5000)}`]) {
      const res = await fetch(`${s.url}/api/v1/users/me`, { headers: { authorization } });
      expect(res.status, authorization.slice(0, 20)).toBe(401);
    }
  });

  it('documents the auth endpoints in the one OpenAPI document', async () => {
    const doc = (await (await fetch(`${s.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    for (const path of [
      '/api/v1/auth/sign-up/email',
      '/api/v1/auth/sign-in/email',
      '/api/v1/users/me',
      '/api/v1/projects',
      '/api/v1/organizations/{id}/members',
      '/api/v1/tokens/refresh',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
