import type { TTx } from '../../../platform/db/index.ts';
import type { TEmit } from '../../../platform/events/index.ts';
import type { TEngineCtx } from './engine-jobs.ts';
import { createEventLog, type TEventLog } from './run-events.ts';

/**
 * One tenant transaction of the engine: row-level security as the organization, domain events delivered and
 * run events published only after it commits.
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
