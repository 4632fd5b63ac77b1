import { createServer } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { createLogger } from '../logger/index.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createMailer, mailOutbox } from './index.ts';
import { startTestSmtpServer, type TestSmtpServer } from './smtp-server.test-kit.ts';

const FROM = 'FlashFusion <no-reply@flashfusion.test>';
const PASSWORD = 'Sup3r/Secret+pw';
const TOKEN = 'abc';
// Long enough that quoted-printable must wrap it, with the characters QP and HTML would mangle.
const LONG_LINK = `http://localhost:3000/reset?token=${'f0e1d2c3b4a59687'.repeat(6)}&next=%2Fprojects%3Fa%3D1`;

let db: Database;
let cleanup: () => Promise<void>;
let smtp: TestSmtpServer | undefined;
const logLines: string[] = [];
const log = createLogger({ level: 'debug', destination: { write: (l: string) => void logLines.push(l) } });

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
});
afterAll(() => cleanup());
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
  logLines.length = 0;
});

async function row(id: string) {
  const [r] = await db.orm.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  if (!r) throw new Error(`no outbox row ${id}`);
  return r;
}

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

function expectNoSecretsInLogs(...secrets: string[]) {
  const all = logLines.join('\n');
  for (const s of secrets) expect(all).not.toContain(s);
}

describe('createMailer over SMTP', () => {
  it('delivers the mail with subject, text, html and links intact, and marks the row sent', async () => {
    smtp = await startTestSmtpServer({ auth: { user: 'mailer', pass: PASSWORD } });
    const mailer = createMailer({ db, smtpUrl: smtp.url, from: FROM, log });
    const verifyLink = `http://localhost:3000/verify?token=${TOKEN}`;
    const text = `Welcome!\n\nConfirm your address: ${verifyLink}\nOr reset: ${LONG_LINK}\n`;
    const html = `<p>Confirm: <a href="${verifyLink}">verify</a> · <a href="${LONG_LINK.replaceAll('&', '&amp;')}">reset</a></p>`;

    const result = await mailer.send({
      to: 'Ada@Example.com',
      subject: 'Vérifiez — your address',
      text,
      html,
      kind: 'verify-email',
    });

    expect(result.status).toBe('sent');
    const mail = await smtp.nextMail();
    // The domain is case-insensitive and may be normalised in transit; the local part must not be.
    expect(mail.envelope.to.map((a) => a.toLowerCase())).toEqual(['ada@example.com']);
    expect(mail.envelope.to[0]?.startsWith('Ada@')).toBe(true);
    expect(mail.parsed.subject).toBe('Vérifiez — your address');
    expect(mail.parsed.text).toBe(text);
    expect(mail.parsed.text).toContain(verifyLink);
    expect(mail.parsed.text).toContain(LONG_LINK);
    // On the wire the long link is quoted-printable and wrapped: the parser, not luck, restores it.
    expect(mail.raw).not.toContain(LONG_LINK);
    expect(mail.parsed.html).toContain(`href="${verifyLink}"`);
    expect(mail.parsed.text?.match(/http:\/\/localhost:3000\/verify\?token=[^\s]+/)?.[0]).toBe(verifyLink);

    const r = await row(result.id);
    expect(r).toMatchObject({
      status: 'sent',
      kind: 'verify-email',
      toAddress: 'Ada@Example.com',
      textBody: text,
    });
    expect(r.messageId).toBeTruthy();
    expect(r.messageId).toBe(mail.parsed.messageId);
    expect(r.sentAt).toBeInstanceOf(Date);
    expect(r.error).toBeNull();
    expectNoSecretsInLogs(`token=${TOKEN}`, LONG_LINK, PASSWORD, 'Welcome', 'Ada@');
    expect(logLines.some((l) => l.includes(result.id) && l.includes('example.com'))).toBe(true);
  });

  it('records a recipient refused by the server as failed, without throwing or leaking the password', async () => {
    smtp = await startTestSmtpServer({
      auth: { user: 'mailer', pass: PASSWORD },
      rejectRcpt: 'Mailbox unavailable',
    });
    const mailer = createMailer({ db, smtpUrl: smtp.url, from: FROM, log });

    const result = await mailer.send({
      to: 'nobody@example.com',
      subject: 'Hi',
      text: 'x',
      kind: 'invitation',
    });

    expect(result.status).toBe('failed');
    const r = await row(result.id);
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/Mailbox unavailable/);
    expect(r.messageId).toBeNull();
    expect(r.sentAt).toBeNull();
    expect(r.error).not.toContain(PASSWORD);
    expect(smtp.received).toHaveLength(0);
    expectNoSecretsInLogs(PASSWORD, encodeURIComponent(PASSWORD));
  });

  it('redacts the password even when the server echoes it back', async () => {
    smtp = await startTestSmtpServer({
      auth: { user: 'mailer', pass: PASSWORD },
      rejectAuthEchoingPassword: true,
    });
    const mailer = createMailer({ db, smtpUrl: smtp.url, from: FROM, log });

    const result = await mailer.send({ to: 'a@example.com', subject: 'Hi', text: 'x', kind: 'verify-email' });

    expect(result.status).toBe('failed');
    const r = await row(result.id);
    expect(r.error).toMatch(/bad credentials \[REDACTED\]/);
    expect(r.error).not.toContain(PASSWORD);
    expectNoSecretsInLogs(PASSWORD, encodeURIComponent(PASSWORD));
  });

  it('records an unreachable server as failed', async () => {
    const url = `smtp://mailer:${encodeURIComponent(PASSWORD)}@127.0.0.1:${await closedPort()}`;
    const mailer = createMailer({ db, smtpUrl: url, from: FROM, log });

    const result = await mailer.send({
      to: 'a@example.com',
      subject: 'Hi',
      text: 'x',
      kind: 'reset-password',
    });

    expect(result.status).toBe('failed');
    const r = await row(result.id);
    expect(r.error).toMatch(/ECONNREFUSED|ECONNECTION/);
    expect(r.error).not.toContain(PASSWORD);
    expect(r.error).not.toContain(encodeURIComponent(PASSWORD));
    expectNoSecretsInLogs(PASSWORD, encodeURIComponent(PASSWORD));
  });
});

describe('createMailer without SMTP', () => {
  it('keeps the mail in the outbox as stored and says so in the log, without the body', async () => {
    const mailer = createMailer({ db, from: FROM, log });
    const org = crypto.randomUUID();
    const text = `Reset: http://localhost:3000/reset?token=${TOKEN}`;

    const result = await mailer.send({
      to: 'dev@example.org',
      subject: 'Reset',
      text,
      kind: 'reset-password',
      organizationId: org,
    });

    expect(result.status).toBe('stored');
    expect(await row(result.id)).toMatchObject({
      status: 'stored',
      organizationId: org,
      fromAddress: FROM,
      textBody: text,
      htmlBody: null,
      messageId: null,
      sentAt: null,
    });
    const line = logLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.mailId === result.id);
    expect(line).toMatchObject({ level: 'info', kind: 'reset-password', toDomain: 'example.org' });
    expect(String(line?.msg)).toMatch(/outbox/);
    expectNoSecretsInLogs(`token=${TOKEN}`, 'dev@example.org');
  });

  it('refuses a "to" that is not one plain address, before storing anything', async () => {
    const mailer = createMailer({ db, from: FROM, log });
    for (const to of [
      'a@example.com, b@example.com',
      'x@example.com\r\nBcc: y@example.com',
      'Ada <a@example.com>',
      'nope',
    ]) {
      await expect(mailer.send({ to, subject: 's', text: 't', kind: 'k' })).rejects.toThrow(TypeError);
    }
  });
});
