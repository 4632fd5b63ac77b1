import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutbox } from '../../../platform/mail/index.ts';
import { startTestServer, type TestServer } from '../../../testing/test-server.ts';

// The auth routes as app.ts mounts them, behind the real app's global middleware (request id, CORS, body limit,
// JSON-only, onError), over real HTTP, with mail going to the outbox as it does without SMTP.
let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
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

    const { rows } = await listOutbox(s.platform.db, { to: email, limit: 1, offset: 0 });
    const link = new URL(rows[0]?.textBody.match(/https?:\/\/\S+/)?.[0] ?? '');
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

  it('malformed JSON is a 400 in the error envelope, not a 500', async () => {
    const res = await post('/api/v1/auth/sign-up/email', '{"email":');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'VALIDATION_ERROR', requestId: expect.any(String) },
    });
  });
});
