import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../platform/testing/test-server.ts';
import { authRoutes } from './auth-routes.ts';
import { createAuth, type TAuth, type TAuthMail } from './create-auth.ts';

// The auth routes behind the real app's global middleware (request id, CORS, body limit, JSON-only, onError),
// mounted the way app.ts will mount them, over real HTTP.
let s: TestServer;
let auth: TAuth | undefined;
const mails: TAuthMail[] = [];

beforeAll(async () => {
  s = await startTestServer({
    extraApiRoutes: (api) => {
      // The auth instance needs the server's database, which exists only once the server has started.
      api.all('/auth/*', (c) => {
        if (!auth) throw new Error('auth not ready');
        return new Hono().route('/api/v1', authRoutes(auth)).fetch(c.req.raw);
      });
    },
  });
  auth = createAuth({
    db: s.platform.db,
    baseUrl: s.url,
    secret: 'in-app-test-secret-0123456789abcdef0123',
    sendMail: async (m) => {
      mails.push(m);
    },
    log: s.platform.log,
  });
});
afterAll(() => s.stop());

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${s.url}${path}`, {
    method: 'POST',
    headers: { origin: s.url, 'content-type': 'application/json', ...headers },
    body,
  });
}

describe('auth routes inside the app', () => {
  it('signs up, verifies, signs in and reads the session through the whole pipeline', async () => {
    const email = 'pipeline@example.com';
    const password = 'pipeline password 1';
    const up = await post('/api/v1/auth/sign-up/email', JSON.stringify({ email, password, name: 'P' }));
    expect(up.status).toBe(200);
    expect(up.headers.get('x-request-id')).toBeTruthy();

    const link = new URL(mails.find((m) => m.to === email)?.text.match(/https?:\/\/\S+/)?.[0] ?? '');
    expect(link.origin).toBe(s.url);
    const verified = await fetch(link, { redirect: 'manual' });
    expect(verified.status).toBe(302);

    const signIn = await post('/api/v1/auth/sign-in/email', JSON.stringify({ email, password }));
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^ff\.session_token=/);

    const session = await fetch(`${s.url}/api/v1/auth/get-session`, { headers: { cookie } });
    expect(((await session.json()) as { user: { email: string } }).user.email).toBe(email);
  });

  it('a form-encoded body is refused by the JSON-only middleware before better-auth sees it', async () => {
    const res = await post('/api/v1/auth/sign-in/email', 'email=a%40b.c&password=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: { code: 'VALIDATION_ERROR' } });
  });

  it('malformed JSON is a 400, not a 500', async () => {
    const res = await post('/api/v1/auth/sign-up/email', '{"email":');
    expect(res.status).toBe(400);
  });
});
