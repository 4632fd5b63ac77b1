import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutbox } from '../../../platform/mail/index.ts';
import { startTestServer, type TestServer } from '../../../testing/test-server.ts';

// Refresh tokens used to survive every way a user ends their sign-ins (issue 13, finding 3): each path here
// must leave a refresh token minted before it unusable.
describe('refresh tokens end with the sign-ins they came from', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.stop());

  const PASSWORD = 'correct horse battery staple';
  const send = (path: string, init: { cookie?: string; json?: unknown; method?: string } = {}) =>
    fetch(`${s.url}${path}`, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      redirect: 'manual',
      headers: {
        origin: s.url,
        ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.cookie ? { cookie: init.cookie } : {}),
      },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
  const mailedLink = async (to: string, kind: string) => {
    const { rows } = await listOutbox(s.platform.db, { to, kind, limit: 1, offset: 0 });
    return new URL(/https?:\/\/\S+/.exec(rows[0]?.textBody ?? '')?.[0] ?? 'http://missing');
  };
  const signIn = async (email: string, password = PASSWORD) => {
    const res = await send('/api/v1/auth/sign-in/email', { json: { email, password } });
    expect(res.status).toBe(200);
    return res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  };
  /** A verified user with an organization, signed in, holding a refresh token minted from that session. */
  const userWithRefreshToken = async (name: string) => {
    const email = `${name}-${crypto.randomUUID().slice(0, 8)}@example.com`;
    expect(
      (await send('/api/v1/auth/sign-up/email', { json: { email, password: PASSWORD, name } })).status,
    ).toBe(200);
    const verify = await mailedLink(email, 'verify-email');
    expect((await send(verify.pathname + verify.search)).status).toBeLessThan(400);
    const cookie = await signIn(email);
    expect((await send('/api/v1/organizations', { cookie, json: { name: `${name} org` } })).status).toBe(201);
    const issued = await send('/api/v1/tokens', { cookie, method: 'POST' });
    expect(issued.status).toBe(200);
    const { refreshToken } = (await issued.json()) as { refreshToken: string };
    return { email, cookie, refreshToken };
  };
  const refresh = (refreshToken: string) => send('/api/v1/tokens/refresh', { json: { refreshToken } });

  it('signing out revokes the user’s refresh tokens', async () => {
    const u = await userWithRefreshToken('signout');
    expect((await send('/api/v1/auth/sign-out', { cookie: u.cookie, json: {} })).status).toBe(200);
    expect((await refresh(u.refreshToken)).status).toBe(401);
  });

  it('"revoke all sessions" revokes them', async () => {
    const u = await userWithRefreshToken('revokeall');
    expect((await send('/api/v1/auth/revoke-sessions', { cookie: u.cookie, json: {} })).status).toBe(200);
    expect((await refresh(u.refreshToken)).status).toBe(401);
  });

  it('a password reset revokes them', async () => {
    const u = await userWithRefreshToken('reset');
    const asked = await send('/api/v1/auth/request-password-reset', {
      json: { email: u.email, redirectTo: '/reset-password' },
    });
    expect(asked.status).toBe(200);
    const link = await mailedLink(u.email, 'reset-password');
    const followed = await send(link.pathname + link.search);
    const token = new URL(followed.headers.get('location') ?? '', s.url).searchParams.get('token');
    expect(token).toBeTruthy();
    const reset = await send('/api/v1/auth/reset-password', {
      json: { token, newPassword: 'a brand new password' },
    });
    expect(reset.status).toBe(200);
    expect((await refresh(u.refreshToken)).status).toBe(401);
  });

  it('POST /tokens/revoke ends one sign-in (its whole family) and leaves the others working', async () => {
    const u = await userWithRefreshToken('revoke');
    const second = await send('/api/v1/tokens', { cookie: u.cookie, method: 'POST' });
    const other = ((await second.json()) as { refreshToken: string }).refreshToken;
    // Rotate once: the revoked token's descendant must die with it.
    const rotated = ((await (await refresh(u.refreshToken)).json()) as { refreshToken: string }).refreshToken;
    const revoked = await send('/api/v1/tokens/revoke', { json: { refreshToken: u.refreshToken } });
    expect(revoked.status).toBe(204);
    expect((await refresh(rotated)).status).toBe(401);
    expect((await refresh(other)).status).toBe(200);
    // Nothing to revoke is not an error (RFC 7009); a body without a token is.
    const unknown = await send('/api/v1/tokens/revoke', { json: { refreshToken: `ffr_${'A'.repeat(43)}` } });
    expect(unknown.status).toBe(204);
    expect((await send('/api/v1/tokens/revoke', { json: {} })).status).toBe(400);
  });
});
