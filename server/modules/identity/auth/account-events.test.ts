import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/index.ts';
import { domainEvents, type EventBus } from '../../../platform/events/index.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import { organizationMembers, organizations, users } from '../schema.ts';
import { createAuthHarness, linkIn, signIn, signUp, testEventBus } from './auth.test-kit.ts';

let db: Database;
let cleanup: () => Promise<void>;
let events: EventBus;
let harness: ReturnType<typeof createAuthHarness>;
const PASSWORD = 'a long enough password';

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  events = await testEventBus(db);
  harness = createAuthHarness(db, events);
});
afterAll(() => cleanup());

async function verified(email: string): Promise<string> {
  expect((await signUp(harness.client(), email, PASSWORD)).status).toBe(200);
  const link = linkIn(harness.mails.findLast((m) => m.to === email && m.kind === 'verify-email'));
  await harness.client().request(link.pathname + link.search);
  const [user] = await db.orm.select().from(users).where(eq(users.email, email));
  return user?.id ?? '';
}

async function eventsOf(userId: string, type?: string) {
  await events.idle();
  const where = type
    ? and(eq(domainEvents.userId, userId), eq(domainEvents.type, type))
    : eq(domainEvents.userId, userId);
  return db.orm.select().from(domainEvents).where(where);
}

async function joinNewOrganization(userId: string, slug: string): Promise<string> {
  const [org] = await db.orm.insert(organizations).values({ name: slug, slug }).returning();
  await db.orm.insert(organizationMembers).values({ organizationId: org?.id ?? '', userId, role: 'viewer' });
  return org?.id ?? '';
}

describe('account events', () => {
  it('records sign-up and verification at instance level, without the password', async () => {
    const userId = await verified('ev-signup@example.com');
    const stored = await eventsOf(userId);
    expect(stored.map((e) => e.type).sort()).toEqual(['user.email_verified', 'user.signed_up']);
    for (const e of stored) {
      expect(e).toMatchObject({ organizationId: null, aggregateId: userId, userId });
      expect(JSON.stringify(e.payload)).not.toContain(PASSWORD);
    }
    expect(stored.find((e) => e.type === 'user.signed_up')?.payload).toEqual({
      userId,
      email: 'ev-signup@example.com',
      name: 'Test User',
    });
  });

  it('records nothing for a refused sign-in: unverified, wrong password, unknown account', async () => {
    expect((await signUp(harness.client(), 'ev-unverified@example.com', PASSWORD)).status).toBe(200);
    expect((await signIn(harness.client(), 'ev-unverified@example.com', PASSWORD)).status).toBe(401);
    const userId = await verified('ev-wrong@example.com');
    expect((await signIn(harness.client(), 'ev-wrong@example.com', 'not the password')).status).toBe(401);
    expect((await signIn(harness.client(), 'ev-nobody@example.com', PASSWORD)).status).toBe(401);
    expect(await eventsOf(userId, 'user.signed_in')).toEqual([]);
    await events.idle();
    const all = await db.orm.select().from(domainEvents).where(eq(domainEvents.type, 'user.signed_in'));
    expect(all).toEqual([]);
  });

  it('records a sign-in and a sign-out once per organization of the user', async () => {
    const userId = await verified('ev-two-orgs@example.com');
    const a = await joinNewOrganization(userId, 'ev-org-a');
    const b = await joinNewOrganization(userId, 'ev-org-b');
    const browser = harness.client();
    expect((await signIn(browser, 'ev-two-orgs@example.com', PASSWORD)).status).toBe(200);
    const signedIn = await eventsOf(userId, 'user.signed_in');
    expect(signedIn.map((e) => e.organizationId).sort()).toEqual([a, b].sort());
    expect(signedIn[0]?.payload).toMatchObject({ userId, via: '/sign-in/email' });
    const sessionToken = [...browser.cookies.values()][0]?.split('.')[0] ?? '';
    expect(sessionToken.length).toBeGreaterThan(8);
    expect(JSON.stringify(signedIn)).not.toContain(sessionToken);

    expect((await browser.request('/api/v1/auth/sign-out', { json: {} })).status).toBe(200);
    const signedOut = await eventsOf(userId, 'user.signed_out');
    expect(signedOut.map((e) => e.organizationId).sort()).toEqual([a, b].sort());
    expect(signedOut[0]?.payload).toEqual({ userId });
  });

  it('records a password reset, not the sessions it revokes as sign-outs', async () => {
    const email = 'ev-reset@example.com';
    const userId = await verified(email);
    expect((await signIn(harness.client(), email, PASSWORD)).status).toBe(200);
    await harness
      .client()
      .request('/api/v1/auth/request-password-reset', { json: { email, redirectTo: '/r' } });
    const link = linkIn(harness.mails.findLast((m) => m.to === email && m.kind === 'reset-password'));
    const followed = await harness.client().request(link.pathname + link.search);
    const token = new URL(followed.headers.get('location') ?? '', link).searchParams.get('token');
    const newPassword = 'another long password';
    const reset = await harness
      .client()
      .request('/api/v1/auth/reset-password', { json: { token, newPassword } });
    expect(reset.status).toBe(200);
    const stored = await eventsOf(userId);
    expect(stored.filter((e) => e.type === 'user.password_reset').map((e) => e.payload)).toEqual([
      { userId, email },
    ]);
    expect(stored.filter((e) => e.type === 'user.signed_out')).toEqual([]);
    const text = JSON.stringify(stored);
    for (const secret of [PASSWORD, newPassword, token ?? 'missing-token'])
      expect(text).not.toContain(secret);

    // A reused token resets nothing and records nothing more.
    await harness
      .client()
      .request('/api/v1/auth/reset-password', { json: { token, newPassword: 'third pw!!' } });
    expect(await eventsOf(userId, 'user.password_reset')).toHaveLength(1);
  });

  it('logs a lost event instead of failing a sign-in that already happened', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'error' }, { write: (l: string) => void lines.push(l) });
    const broken: EventBus = { ...events, transaction: () => Promise.reject(new Error('db down')) };
    const h = createAuthHarness(db, broken, undefined, log);
    await verified('ev-broken@example.com');
    expect((await signIn(h.client(), 'ev-broken@example.com', PASSWORD)).status).toBe(200);
    expect(lines.join('\n')).toMatch(/could not record account event/);
    expect(lines.join('\n')).toContain('user.signed_in');
  });
});
