import type { Job, JobResult } from 'pg-boss';
import type { Logger } from 'pino';
import type { JobDefinition } from './define-job.ts';
import { InvalidJobPayloadError, parsePayload } from './parse-payload.ts';

/**
 * The pg-boss handler for one job definition, for pg-boss's `perJobResults` mode: each job is
 * settled with its own disposition, so a malformed payload can be settled as 'deadletter' (failed for
 * good at once, since retrying cannot make the same bytes parse) while a handler error is 'failed'
 * and left to the queue's retry policy.
 */
export function createJobRunner<T>(def: JobDefinition<T>, log: Logger) {
  return async (jobs: Job<unknown>[]): Promise<JobResult[]> => {
    const results: JobResult[] = [];
    for (const job of jobs) results.push(await runOne(def, job, log));
    return results;
  };
}

async function runOne<T>(def: JobDefinition<T>, job: Job<unknown>, log: Logger): Promise<JobResult> {
  const attempt = job.retryCount + 1;
  const jobLog = log.child({ job: def.name, jobId: job.id, attempt });
  let payload: T;
  try {
    payload = parsePayload(def, job.data);
  } catch (err) {
    const e = err as InvalidJobPayloadError;
    jobLog.error({ issues: e.issues }, e.message);
    return { id: job.id, status: 'deadletter', output: toOutput(e) };
  }
  const started = Date.now();
  try {
    await def.handler(payload, { jobId: job.id, attempt, log: jobLog, signal: job.signal });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    jobLog.warn({ err: { name: e.name, message: e.message }, ms: Date.now() - started }, 'job failed');
    return { id: job.id, status: 'failed', output: toOutput(e) };
  }
  jobLog.debug({ ms: Date.now() - started }, 'job completed');
  return { id: job.id, status: 'completed' };
}

// pg-boss stores output as JSON, and an Error's own properties are not enumerable, so copy them.
function toOutput(err: Error): Record<string, unknown> {
  return err instanceof InvalidJobPayloadError
    ? { name: err.name, message: err.message, issues: err.issues }
    : { name: err.name, message: err.message, stack: err.stack };
}
