import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One data key per organization, stored only wrapped by the master key. No foreign key on purpose: the
 * platform layer knows nothing of organizations; the identity module removes keys when an organization goes.
 */
export const organizationKeys = pgTable('organization_keys', {
  organizationId: uuid('organization_id').primaryKey(),
  wrappedKey: text('wrapped_key').notNull(),
  masterKeyId: text('master_key_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  rewrappedAt: timestamp('rewrapped_at', { withTimezone: true }),
});
