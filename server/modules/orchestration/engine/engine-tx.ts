import type { TTx } from '../../../platform/db/index.ts';
import type { TEmit } from '../../../platform/events/index.ts';
import type { TEngineCtx } from './engine-jobs.ts';
import { createEventLog, type TEventLog } from './run-events.ts';

/**
 * The tenancy idiom `events.transaction(work, { organizationId })` plus what only the engine has: run events
 * (run_events rows written through `log`, in the same transaction) that are pushed to the run's live
 * followers over pub/sub only after the commit, so a follower never sees a step that was rolled back. Engine
 * code uses this rather than events.transaction wherever it may append run events.
 */
export async function engineTx<T>(
  ctx: TEngineCtx,
  organizationId: string,
  work: (tx: TTx, log: TEventLog, emit: TEmit) => Promise<T>,
): Promise<T> {
  const log = createEventLog(organizationId);
  const result = await ctx.events.transaction((tx, emit) => work(tx, log, emit), { organizationId });
  await log.publish(ctx.pubsub);
  return result;
}
