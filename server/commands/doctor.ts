import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TEnv } from '../env.ts';
import {
  type Database,
  describeDatabaseUrl,
  listAppliedMigrations,
  openDatabase,
} from '../platform/db/index.ts';
import { MIGRATIONS_FOLDER } from '../platform/db/migrate.ts';
import type { Logger } from '../platform/logger/index.ts';
import { createQueue } from '../platform/queue/index.ts';
import { connectRedis, describeRedisUrl } from '../platform/redis/index.ts';

type TCheck = { name: string; ok: boolean; detail: string };

/** Checks configuration, database, Redis and the job queue; prints one line each; non-zero if any fails. */
export async function doctor(env: TEnv, log: Logger): Promise<number> {
  const quiet = log.child({});
  quiet.level = 'silent';
  const checks: TCheck[] = [
    {
      name: 'configuration',
      ok: true,
      detail:
        `role ${env.ROLE}, port ${env.PORT}, data dir ${env.DATA_DIR}, public URL ${env.PUBLIC_URL}, ` +
        `master key ${env.MASTER_KEY ? 'from MASTER_KEY' : 'from DATA_DIR/master.key'}`,
    },
  ];
  let db: Database | undefined;
  const where = env.DATABASE_URL
    ? `PostgreSQL at ${describeDatabaseUrl(env.DATABASE_URL)}`
    : 'embedded PGlite';
  try {
    db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, log: quiet });
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'));
    const known = (journal.entries as unknown[]).length;
    const applied = await listAppliedMigrations(db, { limit: 1, offset: 0, order: 'asc' }).then(
      (r) => r.total,
      () => 0,
    );
    checks.push({
      name: 'database',
      ok: applied === known,
      detail: `${where}: ${applied}/${known} migrations applied${applied < known ? ' (run: npm run migrate)' : ''}`,
    });
  } catch (err) {
    checks.push({ name: 'database', ok: false, detail: (err as Error).message });
  }
  if (env.REDIS_URL) {
    try {
      const redis = await connectRedis(env.REDIS_URL, quiet, 'doctor');
      const info = await redis.info('server');
      const version = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
      checks.push({
        name: 'redis',
        ok: true,
        detail: `${describeRedisUrl(env.REDIS_URL)}, Redis ${version}`,
      });
      redis.disconnect();
    } catch (err) {
      checks.push({ name: 'redis', ok: false, detail: (err as Error).message });
    }
  } else {
    checks.push({
      name: 'redis',
      ok: true,
      detail: 'not configured (embedded mode: in-process cache and pub/sub)',
    });
  }
  if (db) {
    try {
      const queue = await createQueue({ db, databaseUrl: env.DATABASE_URL, log: quiet });
      const { queues } = await queue.status();
      await queue.stop({ graceful: false });
      const summary = queues.map((q) => `${q.name}: ${q.queued} queued, ${q.active} active`).join('; ');
      checks.push({ name: 'queue', ok: true, detail: summary || 'no queues yet' });
    } catch (err) {
      checks.push({ name: 'queue', ok: false, detail: (err as Error).message });
    }
    await db.close();
  }
  for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name.padEnd(14)} ${c.detail}`);
  return checks.every((c) => c.ok) ? 0 : 1;
}
