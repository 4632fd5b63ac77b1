import { sql } from 'drizzle-orm';
import { type DrizzleTransactionLike, fromDrizzle, type PgBoss, type QueuePolicy } from 'pg-boss';
import type { JobDefinition, JobRetryPolicy } from './define-job.ts';
import { type OpenBossOptions, openBoss } from './open-boss.ts';
import { parsePayload } from './parse-payload.ts';
import type { Queue } from './queue.ts';
import { readQueueStatus } from './queue-status.ts';
import { createJobRunner } from './run-job.ts';

// biome-ignore lint/suspicious/noExplicitAny: a registry of definitions of any payload type.
type AnyJob = JobDefinition<any>;

/** Applied when a definition names no retry policy: a few retries, spaced out so a flaky dependency recovers. */
export const DEFAULT_JOB_RETRY: JobRetryPolicy = { limit: 3, delaySeconds: 5, backoff: true };
/** pg-boss's own default; stated so that removing `expireInSeconds` from a definition restores it. */
const DEFAULT_EXPIRE_SECONDS = 900;

export interface CreateQueueOptions extends OpenBossOptions {
  /** How often idle workers look for jobs; pg-boss allows 0.5 upwards. */
  pollingIntervalSeconds?: number;
}

/** The queue plus the pg-boss instance beneath it, for tests and operator tooling. */
export interface PgBossQueue extends Queue {
  readonly boss: PgBoss;
}

/** Starts pg-boss on the database (installing its schema on first use); workers wait for startWorkers(). */
export async function createQueue(opts: CreateQueueOptions): Promise<PgBossQueue> {
  const schema = opts.schema ?? 'pgboss';
  const boss = await openBoss({ ...opts, schema });
  const log = opts.log;
  const pollingIntervalSeconds = opts.pollingIntervalSeconds ?? 2;
  const defs = new Map<string, AnyJob>();
  let working = false;

  const startWorker = (def: AnyJob) =>
    boss.work(
      def.name,
      {
        // One job per fetch so concurrency is exactly `concurrency` handlers, each with its own claim.
        batchSize: 1,
        localConcurrency: def.concurrency ?? 1,
        pollingIntervalSeconds,
        perJobResults: true,
        ...(def.groupConcurrency ? { groupConcurrency: def.groupConcurrency } : {}),
      },
      createJobRunner(def, log),
    );

  // pg-boss would say only "Queue x does not exist", and only once it reached the database.
  const assertRegistered = (def: AnyJob) => {
    if (!defs.has(def.name))
      throw new Error(`Job ${def.name} is not registered with the queue; call register() first`);
  };

  return {
    boss,

    async register(...list) {
      for (const def of list) {
        const retry = def.retry ?? DEFAULT_JOB_RETRY;
        const policy = {
          retryLimit: retry.limit,
          retryDelay: retry.delaySeconds,
          retryBackoff: retry.backoff,
          expireInSeconds: def.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS,
          // null clears a heartbeat an earlier release set on the queue.
          heartbeatSeconds: def.heartbeatSeconds ?? null,
        };
        // createQueue ignores an existing queue, so the update carries a changed policy to queues
        // an earlier release (or another process) created. Jobs keep the policy they were sent with.
        const { heartbeatSeconds, ...common } = policy;
        await boss.createQueue(def.name, {
          ...common,
          ...(heartbeatSeconds ? { heartbeatSeconds } : {}),
          policy: (def.policy ?? 'standard') satisfies QueuePolicy,
        });
        await boss.updateQueue(def.name, policy);
        const isNew = !defs.has(def.name);
        defs.set(def.name, def);
        if (working && isNew) await startWorker(def);
      }
    },

    async enqueue(def, payload, options = {}) {
      assertRegistered(def);
      parsePayload(def, payload);
      const { startAfterSeconds, startAt, singletonKey, group, priority, id: jobId, tx } = options;
      // TTx is typed over both drivers' result shapes; at runtime either answers execute() with { rows }.
      const on = tx ? { db: fromDrizzle(tx as unknown as DrizzleTransactionLike, sql) } : {};
      const id = await boss.send(def.name, payload as object, {
        ...on,
        ...(startAt ? { startAfter: startAt } : startAfterSeconds ? { startAfter: startAfterSeconds } : {}),
        ...(singletonKey ? { singletonKey } : {}),
        ...(group ? { group: { id: group } } : {}),
        ...(jobId ? { id: jobId } : {}),
        ...(priority ? { priority } : {}),
      });
      if (id) return id;
      // A job with this id already exists: that job is the one asked for.
      if (jobId) return jobId;
      // null means the queue's policy refused a duplicate; the caller wanted "the" job for this key.
      if (singletonKey) {
        const [existing] = await boss.findJobs(def.name, { ...on, key: singletonKey, queued: true });
        if (existing) return existing.id;
      }
      throw new Error(`Job ${def.name} was not created: the queue policy refused it`);
    },

    async schedule(def, cron, payload, options = {}) {
      assertRegistered(def);
      parsePayload(def, payload);
      await boss.schedule(def.name, cron, payload as object, {
        tz: options.tz ?? 'UTC',
        ...(options.key ? { key: options.key } : {}),
      });
    },

    async unschedule(def, key) {
      await boss.unschedule(def.name, key);
    },

    async startWorkers() {
      if (working) return;
      working = true;
      for (const def of defs.values()) await startWorker(def);
    },

    status: () => readQueueStatus(boss, schema),

    async stop({ graceful = true, timeoutMs = 30_000 } = {}) {
      // pg-boss waits for running handlers before closing when graceful, and fails them when not.
      await boss.stop({ graceful, timeout: timeoutMs, close: true });
    },
  };
}
