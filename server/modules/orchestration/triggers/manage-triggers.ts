// Trigger CRUD for one workflow. Schedules are mirrored into the platform queue's cron (key = trigger id), so
// creating, disabling or deleting a trigger changes what fires.

import { and, asc, eq } from 'drizzle-orm';
import type { Cache } from '../../../platform/cache/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import type { JobDefinition, Queue } from '../../../platform/queue/index.ts';
import { workflows, workflowTriggers } from '../schema.ts';
import type { TTriggerJob } from './trigger-job.ts';
import type { TCreateTriggerBody, TTrigger } from './trigger-schemas.ts';
import { newWebhookSecret } from './trigger-secret.ts';

export type TTriggerDeps = {
  queue: Queue;
  job: JobDefinition<TTriggerJob>;
  publicUrl: string;
  /** Holds each organization's event triggers for the event listener; changed here, forgotten in every process. */
  cache?: Cache;
};

/** The cache key of an organization's enabled event triggers (see listen-events.ts). */
export const eventTriggersKey = (organizationId: string) => `orchestration:event-triggers:${organizationId}`;

async function forgetEventTriggers(deps: TTriggerDeps, row: TRow): Promise<void> {
  if (row.kind === 'event') await deps.cache?.delete(eventTriggersKey(row.organizationId));
}
type TRow = typeof workflowTriggers.$inferSelect;

export function serializeTrigger(row: TRow, publicUrl: string, secret?: string): TTrigger {
  return {
    id: row.id,
    workflowId: row.workflowId,
    kind: row.kind,
    config: row.config,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    ...(row.kind === 'webhook' ? { url: `${publicUrl}/api/v1/hooks/workflows/${row.id}` } : {}),
    ...(secret ? { secret } : {}),
  };
}

async function syncSchedule(deps: TTriggerDeps, row: TRow): Promise<void> {
  if (row.kind !== 'schedule') return;
  if (!row.enabled) return deps.queue.unschedule(deps.job, row.id);
  const config = row.config as { cron: string; timezone: string };
  await deps.queue.schedule(
    deps.job,
    config.cron,
    { organizationId: row.organizationId, triggerId: row.id },
    { tz: config.timezone, key: row.id },
  );
}

/** What the trigger operations need: the queue for schedules, and the database for one organization's rows. */
type TManageDeps = TTriggerDeps & { db: Database };

async function assertWorkflow(db: Database, organizationId: string, workflowId: string) {
  const [wf] = await withTenant(db, organizationId, (tx) =>
    tx
      .select({ id: workflows.id })
      .from(workflows)
      .where(and(eq(workflows.id, workflowId), eq(workflows.organizationId, organizationId))),
  );
  if (!wf) throw notFound('Workflow');
}

export async function createTrigger(
  deps: TManageDeps,
  a: { organizationId: string; workflowId: string; body: TCreateTriggerBody; userId: string },
): Promise<TTrigger> {
  const { organizationId } = a;
  await assertWorkflow(deps.db, organizationId, a.workflowId);
  const secret = a.body.kind === 'webhook' ? newWebhookSecret() : null;
  const [row] = await withTenant(deps.db, organizationId, (tx) =>
    tx
      .insert(workflowTriggers)
      .values({
        organizationId,
        workflowId: a.workflowId,
        kind: a.body.kind,
        config: (a.body.config ?? {}) as Record<string, unknown>,
        secretHash: secret?.hash ?? null,
        enabled: a.body.enabled ?? true,
        createdBy: a.userId,
      })
      .returning(),
  );
  if (!row) throw new Error('insert returned no trigger');
  await syncSchedule(deps, row);
  await forgetEventTriggers(deps, row);
  return serializeTrigger(row, deps.publicUrl, secret?.secret);
}

export async function listTriggers(
  deps: TManageDeps,
  { organizationId, workflowId }: { organizationId: string; workflowId: string },
) {
  await assertWorkflow(deps.db, organizationId, workflowId);
  const rows = await withTenant(deps.db, organizationId, (tx) =>
    tx
      .select()
      .from(workflowTriggers)
      .where(
        and(eq(workflowTriggers.workflowId, workflowId), eq(workflowTriggers.organizationId, organizationId)),
      )
      .orderBy(asc(workflowTriggers.createdAt)),
  );
  return rows.map((r) => serializeTrigger(r, deps.publicUrl));
}

const whereTrigger = (organizationId: string, workflowId: string, id: string) =>
  and(
    eq(workflowTriggers.id, id),
    eq(workflowTriggers.workflowId, workflowId),
    eq(workflowTriggers.organizationId, organizationId),
  );

export async function setTriggerEnabled(
  deps: TManageDeps,
  a: { organizationId: string; workflowId: string; triggerId: string; enabled: boolean },
): Promise<TTrigger> {
  const [row] = await withTenant(deps.db, a.organizationId, (tx) =>
    tx
      .update(workflowTriggers)
      .set({ enabled: a.enabled, updatedAt: new Date() })
      .where(whereTrigger(a.organizationId, a.workflowId, a.triggerId))
      .returning(),
  );
  if (!row) throw notFound('Trigger');
  await syncSchedule(deps, row);
  await forgetEventTriggers(deps, row);
  return serializeTrigger(row, deps.publicUrl);
}

export async function deleteTrigger(
  deps: TManageDeps,
  a: { organizationId: string; workflowId: string; triggerId: string },
): Promise<void> {
  const [row] = await withTenant(deps.db, a.organizationId, (tx) =>
    tx
      .delete(workflowTriggers)
      .where(whereTrigger(a.organizationId, a.workflowId, a.triggerId))
      .returning(),
  );
  if (!row) throw notFound('Trigger');
  if (row.kind === 'schedule') await deps.queue.unschedule(deps.job, row.id);
  await forgetEventTriggers(deps, row);
}
