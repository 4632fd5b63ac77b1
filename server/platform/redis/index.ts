import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export type { Redis } from 'ioredis';

/** Where a Redis URL points, without its password. */
export function describeRedisUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 6379}`;
}

/**
 * A Redis connection that has proven it works. Commands issued while Redis is away fail after a short
 * wait instead of queueing forever, so requests turn into clear errors and /ready into 503.
 */
export async function connectRedis(url: string, log: Logger, name: string): Promise<Redis> {
  const redis = new Redis(url, {
    connectionName: `flashfusion:${name}`,
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    connectTimeout: 5_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  let reported = false;
  redis.on('error', (err) => {
    if (reported) return;
    reported = true;
    log.warn({ err: { message: err.message }, connection: name }, 'Redis connection error');
  });
  redis.on('ready', () => {
    reported = false;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    throw new Error(`Cannot connect to Redis at ${describeRedisUrl(url)}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return redis;
}
