// The platform's mail: one transport interface, SMTP for real use, and the mail_outbox table that keeps every
// message (the only copy when no SMTP is configured).
export { listOutbox, type TOutboxMail } from './list-outbox.ts';
export {
  createMailer,
  type Mailer,
  type MailerOptions,
  type MailMessage,
  type MailResult,
} from './mailer.ts';
export { type MailStatus, mailOutbox } from './schema.ts';
