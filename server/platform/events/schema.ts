import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The audit trail: every domain event, stored in the transaction that caused it (SPEC §9). */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: uuid('id').primaryKey(),
    type: text('type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    organizationId: uuid('organization_id'),
    userId: uuid('user_id'),
    payload: jsonb('payload').$type<unknown>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('domain_events_org_time_idx').on(t.organizationId, t.occurredAt),
    index('domain_events_type_time_idx').on(t.type, t.occurredAt),
  ],
);
