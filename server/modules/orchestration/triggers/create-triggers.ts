import type { Cache } from '../../../platform/cache/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import type { Queue } from '../../../platform/queue/index.ts';
import type { TEngine } from '../engine/create-engine.ts';
import { listenForTriggerEvents } from './listen-events.ts';
import { triggerJob } from './trigger-job.ts';

/**
 * The trigger machinery on top of an engine: the `orchestration.trigger` job (schedules and matched events
 * start runs through it) and, in processes that call listen(), the domain event subscription.
 */
export async function createTriggers(deps: {
  db: Database;
  events: EventBus;
  queue: Queue;
  engine: TEngine;
  publicUrl: string;
  cache?: Cache;
}) {
  const job = triggerJob(deps.engine);
  await deps.queue.register(job);
  return {
    job,
    routeDeps: {
      db: deps.db,
      events: deps.events,
      queue: deps.queue,
      job,
      publicUrl: deps.publicUrl,
      ...(deps.cache ? { cache: deps.cache } : {}),
    },
    /** Starts matching domain events to event triggers; returns the unsubscribe. */
    listen: () =>
      listenForTriggerEvents({
        db: deps.db,
        events: deps.events,
        queue: deps.queue,
        job,
        ...(deps.cache ? { cache: deps.cache } : {}),
      }),
  };
}
export type TTriggers = Awaited<ReturnType<typeof createTriggers>>;
