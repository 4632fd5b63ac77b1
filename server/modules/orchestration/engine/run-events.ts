import type {
  TRunEvent,
  TRunEventData,
  TRunEventType,
  TRunEventWithoutData,
} from '../../../../contracts/orchestration/run-events.ts';
import type { TTx } from '../../../platform/db/index.ts';
import type { PubSub } from '../../../platform/pubsub/index.ts';
import { runEvents } from '../schema.ts';

export type { TRunEvent };

/** An event's step and data; both may be left out when the type carries no data. */
type TAppendArgs<K extends TRunEventType> = K extends TRunEventWithoutData
  ? [stepId?: string | null]
  : [stepId: string | null, data: TRunEventData[K]];

/** The pubsub channel of one run's live events; any process may publish or follow. */
export const runChannel = (runId: string) => `orchestration.run.${runId}`;

/**
 * Collects the events a transaction appends and publishes them once it committed, so a follower never sees
 * an event that was rolled back; the rows are the replayable truth, pubsub only the live push.
 */
export function createEventLog(organizationId: string) {
  const pending: TRunEvent[] = [];
  return {
    async append<K extends TRunEventType>(
      tx: TTx,
      runId: string,
      type: K,
      ...args: TAppendArgs<K>
    ): Promise<void> {
      const [stepId = null, data = {}] = args;
      const [row] = await tx
        .insert(runEvents)
        .values({ organizationId, runId, type, stepId, data })
        .returning();
      if (row) pending.push(toRunEvent(row));
    },
    async publish(pubsub: PubSub): Promise<void> {
      for (const e of pending.splice(0)) {
        await pubsub.publish(runChannel(e.runId), JSON.stringify(e)).catch(() => {
          // The row is stored; a follower that missed the push replays it from the table.
        });
      }
    },
  };
}
export type TEventLog = ReturnType<typeof createEventLog>;

/** A stored row as streamed. Rows are written only through `append`, which typed each type's data. */
export function toRunEvent(row: typeof runEvents.$inferSelect): TRunEvent {
  return {
    seq: row.seq,
    runId: row.runId,
    type: row.type,
    stepId: row.stepId,
    data: row.data,
    createdAt: row.createdAt.toISOString(),
  } as TRunEvent;
}
