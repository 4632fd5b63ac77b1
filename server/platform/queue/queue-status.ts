import type { PgBoss } from 'pg-boss';
import type { QueueStatus } from './queue.ts';

/**
 * Live counts for every queue in the pg-boss schema, not just those this process registered, because
 * the doctor command runs in a process that registers nothing. Counted from the job table itself:
 * pg-boss's getQueues/getQueueStats serve a cache that is up to a minute old even when forced, so a
 * job enqueued a moment ago would read as 0 queued, which is the wrong answer to "is work stuck?".
 * `job` is the partitioned parent pg-boss 12 keeps every queue's jobs under; the pinned version and
 * the queue tests guard that assumption.
 */
export async function readQueueStatus(boss: PgBoss, schema: string): Promise<QueueStatus> {
  const { rows } = await boss.getDb().executeSql(`
    SELECT q.name,
      count(j.id) FILTER (WHERE j.state IN ('created', 'retry'))::int AS queued,
      count(j.id) FILTER (WHERE j.state = 'active')::int AS active,
      count(j.id) FILTER (WHERE j.state = 'failed')::int AS failed
    FROM ${schema}.queue q
    LEFT JOIN ${schema}.job j ON j.name = q.name
    WHERE q.name NOT LIKE '\\_\\_pgboss\\_\\_%'
    GROUP BY q.name
    ORDER BY q.name`);
  return { queues: rows as QueueStatus['queues'] };
}
