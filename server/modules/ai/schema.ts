import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  createdAtColumn as createdAt,
  dollarsColumn as dollars,
  updatedAtColumn as updatedAt,
} from '../../platform/db/columns.ts';
import { organizations, organizationIdColumn as orgRef, projects, users } from '../identity/index.ts';
import type { TAttempt, TModelCapability, TTarget } from './types.ts';

/** An organization's credential for one upstream (SPEC §4). The API key is sealed with the org's data key. */
export const aiProviders = pgTable(
  'ai_providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgRef(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['openai', 'anthropic', 'openai-compatible'] }).notNull(),
    baseUrl: text('base_url'),
    /** Envelope-encrypted API key; null for an openai-compatible server that needs none (a local Ollama). */
    apiKeySealed: text('api_key_sealed'),
    /** What the UI may show of the key, e.g. "sk-…a1b2". */
    apiKeyHint: text('api_key_hint'),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('ai_providers_org_name_key').on(t.organizationId, t.name)],
);

/**
 * The model catalogue: instance rows (organization_id null, seeded by migration 0005) that every tenant reads,
 * and an organization's own models (an Ollama model on its openai-compatible provider, with its prices).
 */
export const aiModels = pgTable(
  'ai_models',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    providerKind: text('provider_kind', {
      enum: ['local', 'openai', 'anthropic', 'openai-compatible'],
    }).notNull(),
    /** The organization's provider a custom model belongs to; null for instance rows. */
    providerId: uuid('provider_id').references(() => aiProviders.id, { onDelete: 'cascade' }),
    /** The id sent upstream ("gpt-4o", "llama3.1:8b"). */
    model: text('model').notNull(),
    displayName: text('display_name').notNull(),
    description: text('description'),
    capabilities: jsonb('capabilities').$type<TModelCapability[]>().notNull().default([]),
    contextWindow: integer('context_window').notNull(),
    inputPricePer1k: dollars('input_price_per_1k').notNull().default('0'),
    outputPricePer1k: dollars('output_price_per_1k').notNull().default('0'),
    status: text('status', { enum: ['active', 'deprecated', 'disabled'] })
      .notNull()
      .default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // NULLS NOT DISTINCT: two instance rows (organization and provider null) for one model also collide.
    unique('ai_models_identity_key')
      .on(t.organizationId, t.providerKind, t.providerId, t.model)
      .nullsNotDistinct(),
  ],
);

/** A named route: targets balanced by strategy, then the fallback chain (TModelRoute). */
export const aiRoutes = pgTable(
  'ai_routes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgRef(),
    name: text('name').notNull(),
    strategy: text('strategy', {
      enum: ['round-robin', 'least-connections', 'weighted', 'latency'],
    }).notNull(),
    targets: jsonb('targets').$type<TTarget[]>().notNull(),
    fallback: jsonb('fallback').$type<TTarget[]>().notNull().default([]),
    timeoutMs: integer('timeout_ms').notNull().default(30_000),
    maxRetries: integer('max_retries').notNull().default(2),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('ai_routes_org_name_key').on(t.organizationId, t.name)],
);

/** Monthly limits of an organization; a null limit is unlimited, no row at all means both are. */
export const aiBudgets = pgTable('ai_budgets', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  monthlyTokenLimit: bigint('monthly_token_limit', { mode: 'number' }),
  monthlyCostLimit: dollars('monthly_cost_limit'),
  updatedAt: updatedAt(),
});

/** One month of an organization's AI spending: settled (used) and in flight (reserved). */
export const aiBudgetUsage = pgTable(
  'ai_budget_usage',
  {
    organizationId: orgRef(),
    /** First day of the month, UTC. */
    month: date('month', { mode: 'string' }).notNull(),
    tokensUsed: bigint('tokens_used', { mode: 'number' }).notNull().default(0),
    costUsed: dollars('cost_used').notNull().default('0'),
    tokensReserved: bigint('tokens_reserved', { mode: 'number' }).notNull().default(0),
    costReserved: dollars('cost_reserved').notNull().default('0'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.month] })],
);

/** A call's estimate held against the month until it settles or is released; expired ones are swept. */
export const aiBudgetReservations = pgTable(
  'ai_budget_reservations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgRef(),
    month: date('month', { mode: 'string' }).notNull(),
    tokens: bigint('tokens', { mode: 'number' }).notNull(),
    cost: dollars('cost').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('ai_budget_reservations_expires_idx').on(t.expiresAt)],
);

/** One AI call, successful, cached or failed (SPEC §4). */
export const aiGenerations = pgTable(
  'ai_generations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgRef(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    type: text('type').notNull(),
    prompt: text('prompt').notNull(),
    result: jsonb('result'),
    model: text('model').notNull(),
    provider: text('provider'),
    providerKind: text('provider_kind', { enum: ['local', 'openai', 'anthropic', 'openai-compatible'] }),
    route: text('route'),
    /** `${provider}:${model}` of the target that answered (or failed last). */
    target: text('target'),
    attempts: jsonb('attempts').$type<TAttempt[]>().notNull().default([]),
    tokensIn: integer('tokens_in').notNull().default(0),
    tokensOut: integer('tokens_out').notNull().default(0),
    tokensUsed: integer('tokens_used').notNull().default(0),
    cost: dollars('cost').notNull().default('0'),
    latencyMs: integer('latency_ms'),
    cached: boolean('cached').notNull().default(false),
    status: text('status', { enum: ['succeeded', 'failed'] })
      .notNull()
      .default('succeeded'),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [
    index('ai_generations_org_created_idx').on(t.organizationId, t.createdAt),
    index('ai_generations_org_model_created_idx').on(t.organizationId, t.model, t.createdAt),
  ],
);
