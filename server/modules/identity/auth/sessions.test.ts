import { createHmac } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/index.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import { sessions, users } from '../schema.ts';
import {
  type CookieClient,
  createAuthHarness,
  linkIn,
  signIn,
  signUp,
  TEST_BASE_URL,
  testEventBus,
} from './auth.test-kit.ts';
import { getSession } from './auth-routes.ts';

let db: Database;
let cleanup: () => Promise<void>;
let harness: ReturnType<typeof createAuthHarness>;
const PASSWORD = 'a long enough password';

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  harness = createAuthHarness(db, await testEventBus(db));
});
afterAll(() => cleanup());

/** A verified account, signed in on a fresh browser. */
async function signedIn(email: string): Promise<CookieClient> {
  await signUp(harness.client(), email, PASSWORD);
  const link = linkIn(harness.mails.findLast((m) => m.to === email && m.kind === 'verify-email'));
  await harness.client().request(link.pathname + link.search);
  const browser = harness.client();
  expect((await signIn(browser, email, PASSWORD)).status).toBe(200);
  return browser;
}

async function sessionFor(cookie: string) {
  return getSession(harness.auth, new Headers({ cookie }));
}

describe('sessions', () => {
  it('getSession names the user behind a valid cookie', async () => {
    const browser = await signedIn('valid@example.com');
    const found = await sessionFor(browser.cookieHeader());
    expect(found?.user.email).toBe('valid@example.com');
    expect(found?.session.userId).toBe(found?.user.id);
  });

  it('treats a forged cookie as signed out', async () => {
    const browser = await signedIn('forged@example.com');
    const real = browser.cookies.get('ff.session_token') ?? '';
    const token = decodeURIComponent(real).split('.')[0] ?? '';

    const badSignature = `ff.session_token=${encodeURIComponent(`${token}.${'A'.repeat(43)}=`)}`;
    const unsigned = `ff.session_token=${token}`;
    const signedWithOtherKey = `ff.session_token=${encodeURIComponent(
      `${token}.${createHmac('sha256', 'some-other-secret').update(token).digest('base64')}`,
    )}`;
    const unknownToken = `ff.session_token=${encodeURIComponent(`${'x'.repeat(32)}.${'B'.repeat(43)}=`)}`;
    for (const cookie of [badSignature, unsigned, signedWithOtherKey, unknownToken, 'ff.session_token=']) {
      expect(await sessionFor(cookie)).toBeNull();
      const res = await harness.app.request(`${TEST_BASE_URL}/api/v1/auth/get-session`, {
        headers: { cookie },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toBeNull();
    }
    expect(await sessionFor(browser.cookieHeader())).not.toBeNull();
  });

  it('treats an expired session as signed out', async () => {
    const browser = await signedIn('expired@example.com');
    const [user] = await db.orm.select().from(users).where(eq(users.email, 'expired@example.com'));
    await db.orm
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(sessions.userId, user?.id ?? ''));
    expect(await sessionFor(browser.cookieHeader())).toBeNull();
    const res = await browser.request('/api/v1/auth/get-session');
    expect(await res.json()).toBeNull();
  });

  it('lists a user’s sessions without any session token, other devices’ included', async () => {
    const email = 'devices@example.com';
    const laptop = await signedIn(email);
    const phone = harness.client();
    expect((await signIn(phone, email, PASSWORD)).status).toBe(200);
    const res = await laptop.request('/api/v1/auth/list-sessions');
    expect(res.status).toBe(200);
    const text = await res.text();
    const listed = JSON.parse(text) as Record<string, unknown>[];
    expect(listed.length).toBe(2);
    for (const s of listed) {
      expect(s).not.toHaveProperty('token');
      expect(s).toHaveProperty('id');
    }
    const tokens = await db.orm.select({ token: sessions.token }).from(sessions);
    for (const { token } of tokens) expect(text).not.toContain(token);
  });

  it('refuses a cookie-authenticated write from a foreign or missing Origin (CSRF)', async () => {
    const browser = await signedIn('csrf@example.com');
    for (const origin of ['http://evil.test', undefined]) {
      const headers = new Headers({ cookie: browser.cookieHeader(), 'content-type': 'application/json' });
      if (origin) headers.set('origin', origin);
      const res = await harness.app.request(`${TEST_BASE_URL}/api/v1/auth/sign-out`, {
        method: 'POST',
        headers,
        body: '{}',
      });
      expect(res.status).toBe(403);
    }
    expect(await sessionFor(browser.cookieHeader())).not.toBeNull();
  });
});
