import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/index.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import { accounts, users } from '../schema.ts';
import { createAuthHarness, linkIn, signIn, signUp, testEventBus } from './auth.test-kit.ts';

let db: Database;
let cleanup: () => Promise<void>;
let harness: ReturnType<typeof createAuthHarness>;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  harness = createAuthHarness(db, await testEventBus(db));
});
afterAll(() => cleanup());

const PASSWORD = 'correct horse battery staple';

async function sessionOf(client: ReturnType<typeof harness.client>) {
  const res = await client.request('/api/v1/auth/get-session');
  expect(res.status).toBe(200);
  return (await res.json()) as { user: { id: string; email: string } } | null;
}

describe('accounts: sign up, verify, sign in, sign out', () => {
  it('walks the whole journey through the verification mail', async () => {
    const email = 'ada@example.com';
    const browser = harness.client();
    const up = await signUp(browser, email, PASSWORD);
    expect(up.status).toBe(200);
    expect(browser.cookies.size).toBe(0); // no session before the email is verified

    const mail = harness.mails.find((m) => m.to === email && m.kind === 'verify-email');
    expect(mail?.subject).toMatch(/confirm/i);

    const early = await signIn(browser, email, PASSWORD);
    expect(early.status).toBe(401);
    expect(await early.json()).toMatchObject({
      error: { code: 'AUTHENTICATION_FAILED', details: [{ reason: 'EMAIL_NOT_VERIFIED' }] },
    });
    expect(browser.cookies.size).toBe(0);

    const link = linkIn(mail);
    expect(link.origin).toBe('http://ff.test');
    expect(link.pathname).toBe('/api/v1/auth/verify-email');
    const verified = await harness.client().request(link.pathname + link.search);
    expect([200, 302]).toContain(verified.status);
    const [row] = await db.orm.select().from(users).where(eq(users.email, email));
    expect(row?.emailVerified).toBe(true);
    expect(row?.name).toBe('Test User');
    expect(row?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const inRes = await signIn(browser, email, PASSWORD);
    expect(inRes.status).toBe(200);
    const setCookie = inRes.headers.getSetCookie().find((c) => c.startsWith('ff.session_token='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // http base URL; https ones get Secure and the __Secure- prefix
    expect((await sessionOf(browser))?.user).toMatchObject({ id: row?.id, email });

    const stolen = browser.cookieHeader();
    const out = await browser.request('/api/v1/auth/sign-out', { json: {} });
    expect(out.status).toBe(200);
    expect(await sessionOf(browser)).toBeNull();
    // The cookie itself is dead too, not just forgotten by this browser.
    const replay = await harness.app.request('http://ff.test/api/v1/auth/get-session', {
      headers: { cookie: stolen },
    });
    expect(await replay.json()).toBeNull();
  });

  it('marks cookies Secure (and __Secure- prefixed) when the base URL is https', async () => {
    const https = createAuthHarness(db, harness.events, 'https://ff.test');
    const email = 'tls@example.com';
    const browser = https.client();
    await signUp(browser, email, PASSWORD);
    const link = linkIn(https.mails.find((m) => m.to === email));
    expect(link.protocol).toBe('https:');
    await https.client().request(link.pathname + link.search);
    const res = await signIn(browser, email, PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Secure-ff.session_token='));
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const session = await browser.request('/api/v1/auth/get-session');
    expect(await session.json()).toMatchObject({ user: { email } });
  });

  it('treats the email case-insensitively', async () => {
    const email = 'MiXeD@Example.com';
    await signUp(harness.client(), email, PASSWORD);
    await harness.client().request(linkPath('mixed@example.com'));
    expect((await signIn(harness.client(), 'mixed@example.com', PASSWORD)).status).toBe(200);
    expect((await signIn(harness.client(), 'MIXED@EXAMPLE.COM', PASSWORD)).status).toBe(200);
  });

  it('stores an argon2id hash, never the password', async () => {
    const email = 'hash@example.com';
    await signUp(harness.client(), email, PASSWORD);
    const [row] = await db.orm
      .select({ password: accounts.password, providerId: accounts.providerId })
      .from(accounts)
      .innerJoin(users, eq(users.id, accounts.userId))
      .where(eq(users.email, email));
    expect(row?.providerId).toBe('credential');
    expect(row?.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row?.password).not.toContain(PASSWORD);
  });

  it('refuses a wrong password without saying which of email or password was wrong', async () => {
    const email = 'grace@example.com';
    await signUp(harness.client(), email, PASSWORD);
    await harness.client().request(linkPath(email));

    const wrongPassword = await signIn(harness.client(), email, 'not the password');
    const unknownEmail = await signIn(harness.client(), 'nobody@example.com', PASSWORD);
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    // Identical but for the request's own id and time.
    const strip = (body: unknown) => ({
      ...(body as { error: Record<string, unknown> }).error,
      requestId: 0,
      timestamp: 0,
    });
    const a = strip(await wrongPassword.json());
    const b = strip(await unknownEmail.json());
    expect(a).toEqual(b);
    expect(a).toMatchObject({
      code: 'AUTHENTICATION_FAILED',
      message: 'Invalid email or password',
      details: [{ reason: 'INVALID_EMAIL_OR_PASSWORD' }],
    });
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
  });

  it('never lets a second sign-up take over an existing email', async () => {
    const email = 'dup@example.com';
    await signUp(harness.client(), email, PASSWORD);
    await harness.client().request(linkPath(email));

    // Enumeration protection: the answer looks like a fresh sign-up, but nothing is created or changed.
    const again = await signUp(harness.client(), 'DUP@example.com', 'attacker password 1');
    expect(again.status).toBeLessThan(500);
    const count = await db.orm
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    expect(count[0]?.n).toBe(1);
    expect((await signIn(harness.client(), email, 'attacker password 1')).status).toBe(401);
    expect((await signIn(harness.client(), email, PASSWORD)).status).toBe(200);
  });

  it.each([
    ['malformed JSON', '{"email": "x@example.com", "password": '],
    ['missing password', JSON.stringify({ email: 'x@example.com', name: 'X' })],
    ['missing email', JSON.stringify({ password: PASSWORD, name: 'X' })],
    ['email not an email', JSON.stringify({ email: 'nope', password: PASSWORD, name: 'X' })],
    ['password too short', JSON.stringify({ email: 'short@example.com', password: 'short', name: 'X' })],
    ['wrong types', JSON.stringify({ email: 42, password: [], name: {} })],
    ['an array', '[]'],
  ])('answers %s on sign-up with a 4xx, not a 500', async (_label, body) => {
    const res = await harness.client().request('/api/v1/auth/sign-up/email', { body });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it.each([
    ['malformed JSON', '{'],
    ['missing fields', '{}'],
  ])('answers %s on sign-in with a 4xx, not a 500', async (_label, body) => {
    const res = await harness.client().request('/api/v1/auth/sign-in/email', { body });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});

function linkPath(email: string): string {
  const mail = harness.mails.findLast((m) => m.to === email && m.kind === 'verify-email');
  const link = linkIn(mail);
  return link.pathname + link.search;
}
