import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Cache } from '../../../platform/cache/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import type { DomainEvent, EventBus } from '../../../platform/events/index.ts';
import type { JobDefinition, Queue } from '../../../platform/queue/index.ts';
import { workflowTriggers } from '../schema.ts';
import { eventTriggersKey } from './manage-triggers.ts';
import type { TTriggerJob } from './trigger-job.ts';

/** A stable UUID for (event, trigger): every process that sees the event enqueues the same job id, so one run. */
function jobIdFor(eventId: string, triggerId: string): string {
  const h = createHash('sha256').update(`${eventId}:${triggerId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** `type` matches a trigger's eventType exactly or through a trailing `*` (`content.*`). */
export const eventMatches = (pattern: string, type: string) =>
  pattern.endsWith('*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type;

/**
 * Starts event-triggered workflows: each committed domain event of an organization is matched against that
 * organization's enabled event triggers; the payload becomes the input. A workflow's own run events never
 * trigger it (no loops).
 */
/** How long a process keeps an organization's event triggers; trigger changes also forget them at once. */
export const EVENT_TRIGGERS_TTL_MS = 60_000;

type TEventTrigger = { id: string; workflowId: string; eventType: string };

export function listenForTriggerEvents(deps: {
  db: Database;
  events: EventBus;
  queue: Queue;
  job: JobDefinition<TTriggerJob>;
  cache?: Cache;
}): () => void {
  const load = async (organizationId: string): Promise<TEventTrigger[]> => {
    const rows = await withTenant(deps.db, organizationId, (tx) =>
      tx
        .select()
        .from(workflowTriggers)
        .where(
          and(
            eq(workflowTriggers.organizationId, organizationId),
            eq(workflowTriggers.kind, 'event'),
            eq(workflowTriggers.enabled, true),
          ),
        ),
    );
    return rows.map((t) => ({
      id: t.id,
      workflowId: t.workflowId,
      eventType: String(t.config.eventType ?? ''),
    }));
  };
  // Every domain event of every organization passes here: without the cache each would cost a query.
  const triggersOf = (organizationId: string) =>
    deps.cache
      ? deps.cache.wrap(eventTriggersKey(organizationId), EVENT_TRIGGERS_TTL_MS, () => load(organizationId))
      : load(organizationId);
  return deps.events.subscribeAll(async (event: DomainEvent<unknown>) => {
    const organizationId = event.organizationId;
    if (!organizationId) return;
    for (const t of await triggersOf(organizationId)) {
      if (!eventMatches(t.eventType, event.type)) continue;
      const payload = event.payload as { workflowId?: unknown } | null;
      if (event.type.startsWith('workflow.run.') && payload?.workflowId === t.workflowId) continue;
      await deps.queue.enqueue(
        deps.job,
        { organizationId, triggerId: t.id, input: event.payload ?? {} },
        { id: jobIdFor(event.id, t.id) },
      );
    }
  });
}
