import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/index.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import { createAuthHarness, linkIn, signIn, signUp, TEST_BASE_URL, testEventBus } from './auth.test-kit.ts';

let db: Database;
let cleanup: () => Promise<void>;
let harness: ReturnType<typeof createAuthHarness>;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  harness = createAuthHarness(db, await testEventBus(db));
});
afterAll(() => cleanup());

const OLD = 'the old password';
const NEW = 'the brand new password';

describe('password reset', () => {
  it('resets through the mailed link: the new password works, the old one and old sessions do not', async () => {
    const email = 'reset@example.com';
    await signUp(harness.client(), email, OLD);
    const verify = linkIn(harness.mails.findLast((m) => m.to === email));
    await harness.client().request(verify.pathname + verify.search);
    const oldBrowser = harness.client();
    expect((await signIn(oldBrowser, email, OLD)).status).toBe(200);

    const asked = await harness
      .client()
      .request('/api/v1/auth/request-password-reset', { json: { email, redirectTo: '/reset-password' } });
    expect(asked.status).toBe(200);
    const mail = harness.mails.findLast((m) => m.to === email && m.kind === 'reset-password');
    const link = linkIn(mail);
    expect(link.origin).toBe(TEST_BASE_URL);

    // The link checks the token and sends the browser to the app's form with it.
    const followed = await harness.client().request(link.pathname + link.search);
    expect(followed.status).toBe(302);
    const landing = new URL(followed.headers.get('location') ?? '', TEST_BASE_URL);
    expect(landing.pathname).toBe('/reset-password');
    const token = landing.searchParams.get('token');
    expect(token).toBeTruthy();

    const reset = await harness
      .client()
      .request('/api/v1/auth/reset-password', { json: { token, newPassword: NEW } });
    expect(reset.status).toBe(200);

    expect((await signIn(harness.client(), email, OLD)).status).toBe(401);
    expect((await signIn(harness.client(), email, NEW)).status).toBe(200);
    const stale = await oldBrowser.request('/api/v1/auth/get-session');
    expect(await stale.json()).toBeNull();

    const reused = await harness
      .client()
      .request('/api/v1/auth/reset-password', { json: { token, newPassword: 'a third password' } });
    expect(reused.status).toBe(400);
    expect((await signIn(harness.client(), email, NEW)).status).toBe(200);
  });

  it('answers an unknown email exactly like a known one, and sends nothing', async () => {
    const before = harness.mails.length;
    const res = await harness.client().request('/api/v1/auth/request-password-reset', {
      json: { email: 'ghost@example.com', redirectTo: '/r' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: true });
    expect(harness.mails.length).toBe(before);
  });

  it('refuses a made-up token', async () => {
    const res = await harness
      .client()
      .request('/api/v1/auth/reset-password', { json: { token: 'made-up', newPassword: NEW } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'VALIDATION_ERROR', details: [{ reason: 'INVALID_TOKEN' }] },
    });
  });
});
