import { index, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from '../identity/index.ts';

/** Roll-ups of usage (AI tokens, cost, runs...) per organization and user. */
export const usageMetrics = pgTable(
  'usage_metrics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    metricType: text('metric_type').notNull(),
    metricValue: numeric('metric_value').notNull().default('0'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('usage_metrics_org_type_time_idx').on(t.organizationId, t.metricType, t.recordedAt)],
);
