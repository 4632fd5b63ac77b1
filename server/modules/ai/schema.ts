import { boolean, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, projects, users } from '../identity/index.ts';

/** One AI call, successful, cached or failed (SPEC §4). */
export const aiGenerations = pgTable(
  'ai_generations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    type: text('type').notNull(),
    prompt: text('prompt').notNull(),
    result: jsonb('result'),
    model: text('model').notNull(),
    provider: text('provider'),
    route: text('route'),
    tokensIn: integer('tokens_in').notNull().default(0),
    tokensOut: integer('tokens_out').notNull().default(0),
    tokensUsed: integer('tokens_used').notNull().default(0),
    cost: numeric('cost', { precision: 14, scale: 6 }).notNull().default('0'),
    latencyMs: integer('latency_ms'),
    cached: boolean('cached').notNull().default(false),
    status: text('status', { enum: ['succeeded', 'failed'] })
      .notNull()
      .default('succeeded'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ai_generations_org_created_idx').on(t.organizationId, t.createdAt)],
);
