import type { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type pg from 'pg';

/** Drizzle over either driver: both speak the same Postgres, so modules write one set of queries. */
export type TOrm = PgDatabase<PgQueryResultHKT>;
export type TTx = Parameters<Parameters<TOrm['transaction']>[0]>[0];
/** Anything a query can run on: the database itself or an open transaction. */
export type TExecutor = TOrm | TTx;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly orm: TOrm;
  /** Present on the embedded database; pg-boss and tests reach the engine through it. */
  readonly pglite?: PGlite;
  /** Present on PostgreSQL. */
  readonly pool?: pg.Pool;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

/** Runs raw SQL and returns its rows; both drivers answer `execute` with `{ rows }`. */
export async function queryRows<T>(on: TExecutor, query: SQL): Promise<T[]> {
  const result = (await on.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
