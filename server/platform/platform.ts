import path from 'node:path';
import type { TEnv } from '../env.ts';
import { type Cache, createMemoryCache, createRedisCache } from './cache/index.ts';
import { createSecrets, type Keyring, loadKeyring, type Secrets } from './crypto/index.ts';
import { type Database, migrateDatabase, openDatabase } from './db/index.ts';
import { createEventBus, type EventBus } from './events/index.ts';
import type { ReadinessCheck } from './http/index.ts';
import type { Logger } from './logger/index.ts';
import { createMailer, type Mailer } from './mail/index.ts';
import { createMemoryPubSub, createRedisPubSub, type PubSub } from './pubsub/index.ts';
import { createQueue, type Queue } from './queue/index.ts';
import { connectRedis, type Redis } from './redis/index.ts';

/** The shared machinery every module is handed: no business rules, one instance per process. */
export interface Platform {
  readonly env: TEnv;
  readonly log: Logger;
  readonly db: Database;
  readonly redis?: Redis;
  readonly pubsub: PubSub;
  readonly events: EventBus;
  readonly cache: Cache;
  readonly queue: Queue;
  readonly secrets: Secrets;
  readonly keyring: Keyring;
  readonly mailer: Mailer;
  readonly readiness: ReadinessCheck[];
  /** Stops everything in reverse order of start; waits for work in progress. */
  close(opts?: { timeoutMs?: number }): Promise<void>;
}

/**
 * Opens the database (and Redis in scale-out), applies migrations, and builds the platform services on top.
 * A dependency that cannot be reached throws with a message naming it; nothing half-started is left open.
 */
export async function startPlatform(
  env: TEnv,
  log: Logger,
  opts: {
    /** Where the embedded database lives; DATA_DIR unless a test asks for 'memory://'. */ pgliteDir?: string;
    /**
     * Prefix of the cache's Redis keys. Processes of one instance share it (and one database); test servers,
     * each with a database of its own on one Redis, get their own so one cannot fill another's cache.
     */
    cacheNamespace?: string;
  } = {},
): Promise<Platform> {
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of closers.reverse())
      await close().catch((err) => log.warn({ err }, 'error while closing'));
  };
  try {
    const db = await openDatabase({
      databaseUrl: env.DATABASE_URL,
      dataDir: opts.pgliteDir ?? env.DATA_DIR,
      log,
    });
    closers.push(() => db.close());
    await migrateDatabase(db);

    let redis: Redis | undefined;
    let pubsub: PubSub;
    if (env.REDIS_URL) {
      const r = await connectRedis(env.REDIS_URL, log, 'main');
      redis = r;
      closers.push(async () => {
        await r.quit().catch(() => r.disconnect());
      });
      pubsub = await createRedisPubSub(r, log);
    } else {
      pubsub = createMemoryPubSub();
    }
    closers.push(() => pubsub.close());

    const events = await createEventBus({ db, pubsub, log });
    closers.push(() => events.close());
    const cache = redis
      ? await createRedisCache({
          redis,
          pubsub,
          log,
          ...(opts.cacheNamespace ? { namespace: opts.cacheNamespace } : {}),
        })
      : createMemoryCache();
    closers.push(() => cache.close());
    const keyring = loadKeyring({
      masterKey: env.MASTER_KEY,
      previousMasterKey: env.MASTER_KEY_PREVIOUS,
      dataDir: env.DATA_DIR,
      log,
    });
    const secrets = createSecrets({ db, keyring });
    const mailer = createMailer({
      db,
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      log,
      spoolDir: path.join(env.DATA_DIR, 'mail'),
    });
    const queue = await createQueue({ db, databaseUrl: env.DATABASE_URL, log });
    closers.push(() => queue.stop({ graceful: true, timeoutMs: env.SHUTDOWN_TIMEOUT_MS }));

    const readiness: ReadinessCheck[] = [{ name: 'database', check: () => db.ping() }];
    if (redis) {
      const r = redis;
      readiness.push({ name: 'redis', check: async () => void (await r.ping()) });
    }
    return {
      env,
      log,
      db,
      redis,
      pubsub,
      events,
      cache,
      queue,
      secrets,
      keyring,
      mailer,
      readiness,
      close: closeAll,
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
