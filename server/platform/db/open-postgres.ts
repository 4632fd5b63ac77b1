import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Logger } from 'pino';
import { type Database, DatabaseUnavailableError, type TOrm } from './database.ts';

/** Where a connection string points, without its password, for messages and logs. */
export function describeDatabaseUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

/** Connects to PostgreSQL and proves the connection works before returning. */
export async function openPostgres(
  url: string,
  log: Logger,
  options: { max?: number } = {},
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server emits 'error' on the pool; unhandled, that would kill the process.
  pool.on('error', (err) => log.warn({ err: { message: err.message } }, 'idle PostgreSQL connection lost'));
  try {
    await pool.query('select 1');
  } catch (err) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(
      `Cannot connect to PostgreSQL at ${describeDatabaseUrl(url)}: ${(err as Error).message || (err as { code?: string }).code}`,
      { cause: err },
    );
  }
  const orm = drizzle({ client: pool }) as unknown as TOrm;
  let closed = false;
  return {
    kind: 'postgres',
    orm,
    pool,
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
