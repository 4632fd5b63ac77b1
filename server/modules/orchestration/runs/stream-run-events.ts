import { and, asc, eq, gt } from 'drizzle-orm';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import type { PubSub } from '../../../platform/pubsub/index.ts';
import { TERMINAL_RUN } from '../engine/engine-types.ts';
import { runChannel, type TRunEvent, toRunEvent } from '../engine/run-events.ts';
import { runEvents, workflowRuns } from '../schema.ts';
import { followLive } from './follow-live.ts';
import { createLiveQueue } from './live-queue.ts';
import type { TOpenStreams } from './open-streams.ts';

/**
 * GET /runs/{id}/events: replays the run's events after `after` (Last-Event-ID or ?after=seq), then follows
 * live events from any process until `run.finished`. Subscribing before the replay and de-duplicating by seq
 * means no event falls between the two.
 */
export async function streamRunEvents(
  c: Context,
  {
    db,
    organizationId,
    pubsub,
    runId,
    after,
    streams,
  }: {
    db: Database;
    organizationId: string;
    pubsub: PubSub;
    runId: string;
    after: number;
    /** Open streams of this process, ended at shutdown. */
    streams: TOpenStreams;
  },
) {
  const [run] = await withTenant(db, organizationId, (tx) =>
    tx
      .select({ status: workflowRuns.status })
      .from(workflowRuns)
      .where(and(eq(workflowRuns.id, runId), eq(workflowRuns.organizationId, organizationId))),
  );
  if (!run) throw notFound('Run');
  const live = createLiveQueue<TRunEvent>();
  const unsubscribe = await pubsub.subscribe(runChannel(runId), (message) => {
    try {
      live.push(JSON.parse(message) as TRunEvent);
    } catch {
      // A malformed message is skipped; the table still has the event for a reconnecting client.
    }
  });
  // Shutdown ends the follow like a finished run would; the client resumes elsewhere with Last-Event-ID.
  const forget = streams.add(() => live.close());
  return streamSSE(c, async (sse) => {
    let last = after;
    let finished = false;
    const send = async (e: TRunEvent) => {
      if (e.seq <= last) return;
      last = e.seq;
      await sse.writeSSE({ id: String(e.seq), event: e.type, data: JSON.stringify(e) });
      if (e.type === 'run.finished') finished = true;
    };
    sse.onAbort(() => live.close());
    try {
      const rows = await withTenant(db, organizationId, (tx) =>
        tx
          .select()
          .from(runEvents)
          .where(and(eq(runEvents.runId, runId), gt(runEvents.seq, after)))
          .orderBy(asc(runEvents.seq)),
      );
      for (const row of rows) await send(toRunEvent(row));
      // A finished run whose run.finished is before `after` has nothing more to say.
      if (TERMINAL_RUN.has(run.status) && rows.length === 0) finished = true;
      await followLive(live, {
        send,
        keepAlive: () => sse.write(': keep-alive\n\n').then(() => undefined),
        done: () => finished || sse.aborted,
      });
    } finally {
      forget();
      await unsubscribe();
    }
  });
}
