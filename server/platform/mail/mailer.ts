import { eq } from 'drizzle-orm';
import {
  createTransport,
  type SendMailOptions,
  type SMTPSentMessageInfo,
  type Transporter,
} from 'nodemailer';
import type { Database } from '../db/index.ts';
import type { Logger } from '../logger/index.ts';
import { redactSecrets, smtpSecrets } from './redact-smtp-secrets.ts';
import { mailOutbox } from './schema.ts';
import { spoolMail } from './spool.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What the mail is for, e.g. 'verify-email', 'reset-password', 'invitation'. */
  kind: string;
  organizationId?: string | null;
}

export interface MailResult {
  /** The mail_outbox row id. */
  id: string;
  status: 'sent' | 'stored' | 'failed';
}

/** The one way the platform sends mail. A failed delivery is a result, not a throw. */
export interface Mailer {
  send(msg: MailMessage): Promise<MailResult>;
}

export interface MailerOptions {
  db: Database;
  /** smtp:// or smtps:// URL; without it mail is kept only in the outbox (development). */
  smtpUrl?: string;
  from: string;
  log: Logger;
  /** Without smtpUrl, each mail is also written here as a text file (mode 0600) for the operator to open. */
  spoolDir?: string;
  /** Bounds on one SMTP delivery (default 10 s / 10 s / 30 s; nodemailer's own allow minutes) so a dead relay cannot hold a request. */
  timeoutsMs?: { connection?: number; greeting?: number; socket?: number };
}

// A single address: no list separators, display names or line breaks that would add recipients or headers.
const SINGLE_ADDRESS = /^[^\s@,;<>"()[\]\\]+@[^\s@,;<>"()[\]\\]+$/;

/**
 * Writes every message to mail_outbox first, so nothing is lost, then delivers it over SMTP when configured.
 * Logs carry the outbox id, kind and recipient domain only: bodies hold one-time links and tokens.
 */
export function createMailer(opts: MailerOptions): Mailer {
  const { db, smtpUrl, from, log } = opts;
  const secrets = smtpUrl ? smtpSecrets(smtpUrl) : [];
  const transport = smtpUrl
    ? createTransport({
        url: smtpUrl,
        connectionTimeout: opts.timeoutsMs?.connection ?? 10_000,
        greetingTimeout: opts.timeoutsMs?.greeting ?? 10_000,
        socketTimeout: opts.timeoutsMs?.socket ?? 30_000,
      })
    : undefined;
  const fromDomain = domainOf(from) || 'flashfusion.local';

  return {
    async send(msg) {
      const to = msg.to.trim();
      if (!SINGLE_ADDRESS.test(to)) throw new TypeError('mailer: "to" must be one plain email address');
      const [row] = await db.orm
        .insert(mailOutbox)
        .values({
          organizationId: msg.organizationId ?? null,
          toAddress: to,
          fromAddress: from,
          subject: msg.subject,
          textBody: msg.text,
          htmlBody: msg.html ?? null,
          kind: msg.kind,
          status: transport ? 'queued' : 'stored',
        })
        .returning({ id: mailOutbox.id });
      if (!row) throw new Error('mailer: insert into mail_outbox returned no row');
      const meta = { mailId: row.id, kind: msg.kind, toDomain: domainOf(to).toLowerCase() };

      if (!transport) {
        if (opts.spoolDir) {
          const file = spoolMail(opts.spoolDir, {
            id: row.id,
            to,
            subject: msg.subject,
            text: msg.text,
            kind: msg.kind,
          });
          log.info({ ...meta, file }, 'no SMTP configured: mail kept in the outbox and written to a file');
          return { id: row.id, status: 'stored' };
        }
        log.info(meta, 'no SMTP configured: mail kept only in the outbox');
        return { id: row.id, status: 'stored' };
      }

      const outcome = await deliver(transport, {
        from,
        to,
        subject: msg.subject,
        text: msg.text,
        ...(msg.html === undefined ? {} : { html: msg.html }),
        // Ties the delivered message to its outbox row.
        messageId: `<${row.id}@${fromDomain}>`,
      });
      if (outcome.ok) {
        await db.orm
          .update(mailOutbox)
          .set({ status: 'sent', messageId: outcome.messageId, sentAt: new Date() })
          .where(eq(mailOutbox.id, row.id));
        log.info({ ...meta, status: 'sent' }, 'mail sent');
        return { id: row.id, status: 'sent' };
      }
      const error = redactSecrets(outcome.error, secrets);
      await db.orm.update(mailOutbox).set({ status: 'failed', error }).where(eq(mailOutbox.id, row.id));
      log.warn({ ...meta, status: 'failed', error }, 'mail delivery failed');
      return { id: row.id, status: 'failed' };
    },
  };
}

/** One SMTP delivery; only the SMTP exchange is caught, so a database error after it is not mistaken for it. */
async function deliver(
  transport: Transporter<SMTPSentMessageInfo>,
  mail: SendMailOptions,
): Promise<{ ok: true; messageId: string } | { ok: false; error: string }> {
  try {
    const info = await transport.sendMail(mail);
    return { ok: true, messageId: info.messageId };
  } catch (err) {
    return { ok: false, error: describeError(err) };
  }
}

/** The error's code and message only: nodemailer errors also carry the SMTP command and response objects. */
function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && !err.message.includes(code) ? `${code}: ${err.message}` : err.message;
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).replace(/[>\s].*$/, '');
}
