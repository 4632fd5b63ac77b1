import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainEvents } from '../../../platform/events/index.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../../platform/mail/smtp-server.test-kit.ts';
import { startTestServer, type TestServer } from '../../../testing/test-server.ts';

// Issue 3 §1/§9 through the real app and a real SMTP server: mails are taken as the server received them and
// their links followed; every account step leaves an event in the audit trail, none carrying a secret.
describe('account events end to end, with real mail', () => {
  let smtp: TestSmtpServer;
  let s: TestServer;
  const email = 'grace@example.com';
  const OLD = 'first password of grace';
  const NEW = 'second password of grace';
  const req = (path: string, init: { json?: unknown; cookie?: string; method?: string } = {}) =>
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
  const cookieOf = (res: Response) =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  /** The one link in the received message's decoded text (not its quoted-printable source). */
  const linkIn = (text: string | undefined) => {
    const m = /https?:\/\/\S+/.exec(text ?? '');
    if (!m) throw new Error(`no link in mail: ${text}`);
    return new URL(m[0]);
  };
  const signIn = (password: string) => req('/api/v1/auth/sign-in/email', { json: { email, password } });

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    s = await startTestServer({ env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await s?.stop();
    await smtp?.close();
  });

  it('records sign-up, verification, sign-in, sign-out and password reset, and lists them per organization', async () => {
    const signedUp = await req('/api/v1/auth/sign-up/email', {
      json: { email, password: OLD, name: 'Grace' },
    });
    expect(signedUp.status).toBe(200);
    const verifyMail = await smtp.nextMail();
    expect(verifyMail.envelope.to).toEqual([email]);
    const verifyLink = linkIn(verifyMail.parsed.text);
    expect(verifyLink.origin).toBe(s.url);
    const verificationToken = verifyLink.searchParams.get('token') ?? '';
    expect(verificationToken).not.toBe('');
    expect((await signIn(OLD)).status).toBe(401);
    expect((await req(verifyLink.pathname + verifyLink.search)).status).toBeLessThan(400);

    const first = await signIn(OLD);
    expect(first.status).toBe(200);
    const cookie = cookieOf(first);
    expect(cookie).toMatch(/ff\.session_token=/);
    const created = await req('/api/v1/organizations', { json: { name: 'Compilers' }, cookie });
    expect(created.status).toBe(201);
    const org = (await created.json()) as { id: string };

    expect((await req('/api/v1/auth/sign-out', { json: {}, cookie })).status).toBe(200);

    const asked = await req('/api/v1/auth/request-password-reset', {
      json: { email, redirectTo: '/reset-password' },
    });
    expect(asked.status).toBe(200);
    const resetMail = await smtp.nextMail();
    expect(resetMail.parsed.subject).toMatch(/reset/i);
    const resetLink = linkIn(resetMail.parsed.text);
    expect(resetLink.origin).toBe(s.url);
    const followed = await req(resetLink.pathname + resetLink.search);
    expect(followed.status).toBe(302);
    const token = new URL(followed.headers.get('location') ?? '', s.url).searchParams.get('token') ?? '';
    expect(token).not.toBe('');
    const reset = await req('/api/v1/auth/reset-password', { json: { token, newPassword: NEW } });
    expect(reset.status).toBe(200);
    expect((await signIn(OLD)).status).toBe(401);
    const second = await signIn(NEW);
    expect(second.status).toBe(200);
    const cookie2 = cookieOf(second);

    await s.platform.events.idle();
    const me = (await (await req('/api/v1/users/me', { cookie: cookie2 })).json()) as {
      user: { id: string };
    };
    const userId = me.user.id;
    const audit = await req(`/api/v1/audit?userId=${userId}&limit=100`, { cookie: cookie2 });
    expect(audit.status).toBe(200);
    const listed = ((await audit.json()) as { data: { type: string; organizationId: string }[] }).data;
    const types = listed.map((e) => e.type);
    // After the organization existed: the sign-out, the reset, the failed sign-in left nothing, the new sign-in.
    expect(types.filter((t) => t.startsWith('user.')).sort()).toEqual([
      'user.password_reset',
      'user.signed_in',
      'user.signed_out',
    ]);
    expect(listed.every((e) => e.organizationId === org.id)).toBe(true);

    // Before it: sign-up, verification and the first sign-in, at instance level (no organization yet).
    const all = await s.platform.db.orm.select().from(domainEvents).where(eq(domainEvents.userId, userId));
    const early = all.filter((e) => e.organizationId === null).map((e) => e.type);
    expect(early.sort()).toEqual(['user.email_verified', 'user.signed_in', 'user.signed_up']);
    const signedIn = all.find((e) => e.type === 'user.signed_in')?.payload as Record<string, unknown>;
    expect(signedIn).toMatchObject({ userId, via: '/sign-in/email' });

    const stored = JSON.stringify(all);
    const sessionTokens = [cookie, cookie2].map(
      (c) => decodeURIComponent(c.split('=')[1] ?? '').split('.')[0],
    );
    for (const secret of [OLD, NEW, token, verificationToken, ...sessionTokens]) {
      expect(secret && secret.length > 8).toBe(true);
      expect(stored).not.toContain(secret);
    }
  });
});
