// The orchestration module's tables (SPEC §5): agents, versioned workflow definitions, triggers, runs with
// their checkpointed steps, approvals and the run event log. Run and step state live here; only ids travel on
// the queue, so a run survives any process.
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { AGENT_TYPES } from '../../../contracts/orchestration/agents.ts';
import { RUN_STATUSES, STEP_STATUSES, TRIGGER_KINDS } from '../../../contracts/orchestration/statuses.ts';
import {
  createdAtColumn as createdAt,
  dollarsColumn as dollars,
  updatedAtColumn as updatedAt,
} from '../../platform/db/columns.ts';
import { organizationIdColumn as orgRef, projects, users } from '../identity/index.ts';

// The status and kind lists are contracts the web shares; the columns take their enums from them.
export { AGENT_TYPES, RUN_STATUSES, STEP_STATUSES, TRIGGER_KINDS };

/** An AI agent of an organization: what it is good at and how it calls models. */
export const agents = pgTable(
  'agents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgRef(),
    name: text('name').notNull(),
    type: text('type', { enum: AGENT_TYPES }).notNull(),
    description: text('description').notNull().default(''),
    capabilities: jsonb('capabilities').$type<string[]>().notNull().default([]),
    /** A model id of the AI gateway, or null when `route` is set. */
    model: text('model'),
    /** A named AI route of the organization. */
    route: text('route'),
    systemPrompt: text('system_prompt').notNull().default(''),
    tools: jsonb('tools').$type<Record<string, unknown>[]>().notNull().default([]),
    maxConcurrency: integer('max_concurrency').notNull().default(2),
    /** One of the six standard agents seeded for every organization (editable). */
    isDefault: boolean('is_default').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('agents_org_name_key').on(t.organizationId, t.name)],
);

/** A workflow; its definitions are the rows of workflow_versions. */
export const workflows = pgTable(
  'workflows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgRef(),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** The version new runs use. */
    currentVersion: integer('current_version').notNull().default(1),
    status: text('status', { enum: ['active', 'archived'] })
      .notNull()
      .default('active'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('workflows_org_idx').on(t.organizationId, t.createdAt)],
);

/** One immutable definition of a workflow; a run keeps the version it started with. */
export const workflowVersions = pgTable(
  'workflow_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgRef(),
    workflowId: uuid('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [unique('workflow_versions_workflow_version_key').on(t.workflowId, t.version)],
);

/** How a workflow starts besides the API: a cron schedule, a webhook URL, or a domain event. */
export const workflowTriggers = pgTable(
  'workflow_triggers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgRef(),
    workflowId: uuid('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['schedule', 'webhook', 'event'] }).notNull(),
    /** schedule: { cron, timezone, input }; event: { eventType }; webhook: {}. */
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    /** Webhook triggers: SHA-256 of the secret (shown once); null for the others. */
    secretHash: text('secret_hash'),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('workflow_triggers_workflow_idx').on(t.workflowId)],
);

/** One execution of a workflow version. */
export const workflowRuns = pgTable(
  'workflow_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgRef(),
    workflowId: uuid('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: text('status', { enum: RUN_STATUSES }).notNull().default('queued'),
    trigger: text('trigger', { enum: TRIGGER_KINDS }).notNull().default('manual'),
    input: jsonb('input').$type<unknown>().notNull().default({}),
    output: jsonb('output').$type<unknown>(),
    error: text('error'),
    /** Set on a sub-workflow's run: the run and step waiting for it. */
    parentRunId: uuid('parent_run_id'),
    parentStepId: text('parent_step_id'),
    tokens: integer('tokens').notNull().default(0),
    cost: dollars('cost').notNull().default('0'),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('workflow_runs_org_created_idx').on(t.organizationId, t.createdAt),
    index('workflow_runs_workflow_idx').on(t.workflowId, t.createdAt),
    index('workflow_runs_status_idx').on(t.status),
  ],
);

/** A step of a run: its checkpoint. A succeeded row is never executed again. */
export const runSteps = pgTable(
  'run_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgRef(),
    runId: uuid('run_id')
      .notNull()
      .references(() => workflowRuns.id, { onDelete: 'cascade' }),
    /** The step's id in the definition (for map items: `<step>[<index>]`). */
    stepId: text('step_id').notNull(),
    type: text('type').notNull(),
    status: text('status', { enum: STEP_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    input: jsonb('input').$type<unknown>(),
    output: jsonb('output').$type<unknown>(),
    error: text('error'),
    logs: jsonb('logs').$type<{ at: string; level: string; message: string }[]>().notNull().default([]),
    /** The agent an agent step chose, with its score. */
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    tokens: integer('tokens').notNull().default(0),
    cost: dollars('cost').notNull().default('0'),
    /** When a waiting step (delay, retry backoff) may continue. */
    wakeAt: timestamp('wake_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [unique('run_steps_run_step_key').on(t.runId, t.stepId)],
);

/** An approval step waiting for a person; the run stays suspended (status waiting) until it is decided. */
export const approvals = pgTable(
  'approvals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgRef(),
    runId: uuid('run_id')
      .notNull()
      .references(() => workflowRuns.id, { onDelete: 'cascade' }),
    stepId: text('step_id').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    message: text('message').notNull().default(''),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('approvals_run_step_key').on(t.runId, t.stepId),
    index('approvals_org_status_idx').on(t.organizationId, t.status),
  ],
);

/** The ordered progress of a run (step started, tokens, step finished, run finished) for live views and replay. */
export const runEvents = pgTable(
  'run_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    organizationId: orgRef(),
    runId: uuid('run_id')
      .notNull()
      .references(() => workflowRuns.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    stepId: text('step_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('run_events_run_seq_idx').on(t.runId, t.seq)],
);
