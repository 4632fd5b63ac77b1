import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const mailStatuses = ['queued', 'sent', 'failed', 'stored'] as const;
export type MailStatus = (typeof mailStatuses)[number];

/**
 * Every mail the platform sends, written before it is handed to SMTP so nothing is lost. `stored` means no SMTP
 * is configured and the message lives only here (development reads it through the outbox). Bodies hold one-time
 * links and tokens: never log them. No foreign key to organizations: the platform knows nothing of modules.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id'),
    toAddress: text('to_address').notNull(),
    fromAddress: text('from_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    kind: text('kind').notNull(),
    status: text('status', { enum: mailStatuses }).notNull().default('queued'),
    error: text('error'),
    messageId: text('message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('mail_outbox_to_time_idx').on(t.toAddress, t.createdAt)],
);
