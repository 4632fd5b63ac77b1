import { z } from 'zod';
import type { Database } from '../../../platform/db/index.ts';
import { defineJob, type JobDefinition, type Queue } from '../../../platform/queue/index.ts';
import { retireSigningKeys } from './rotate-signing-key.ts';

export const RETIRE_SIGNING_KEYS_JOB = 'identity.retire-signing-keys';
/** Hourly: a retiring key outlives its last token by at most this long after the access-token TTL. */
export const RETIRE_SIGNING_KEYS_CRON = '17 * * * *';

/** The job that retires signing keys no valid token can still name (see retireSigningKeys). */
export function retireSigningKeysJob(db: Database): JobDefinition<Record<string, never>> {
  return defineJob({
    name: RETIRE_SIGNING_KEYS_JOB,
    schema: z.object({}).strict() as z.ZodType<Record<string, never>>,
    // One run at a time across the cluster; retireSigningKeys also locks, this just avoids piling up runs.
    policy: 'singleton',
    retry: { limit: 3, delaySeconds: 60, backoff: true },
    async handler(_payload, ctx) {
      const retired = await retireSigningKeys({ db });
      if (retired.length > 0) ctx.log.info({ retired }, 'retired signing keys');
    },
  });
}

/**
 * Registers the job and its hourly schedule. Called by processes that run workers; pg-boss keeps one
 * schedule per name, so every worker process setting it again changes nothing.
 */
export async function scheduleSigningKeyRetirement({ db, queue }: { db: Database; queue: Queue }) {
  const job = retireSigningKeysJob(db);
  await queue.register(job);
  await queue.schedule(job, RETIRE_SIGNING_KEYS_CRON, {});
  return job;
}
