import type { Logger } from 'pino';
import type { Database } from './database.ts';
import { openPglite } from './open-pglite.ts';
import { openPostgres } from './open-postgres.ts';

export { listAppliedMigrations } from './applied-migrations.ts';
export type { Database, TExecutor, TOrm, TTx } from './database.ts';
export { DatabaseUnavailableError, queryRows } from './database.ts';
export { migrateDatabase } from './migrate.ts';
export { describeDatabaseUrl } from './open-postgres.ts';

/** PostgreSQL when a URL is given, else the embedded database in dataDir. */
export function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  log: Logger;
}): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.log) : openPglite(opts.dataDir);
}
