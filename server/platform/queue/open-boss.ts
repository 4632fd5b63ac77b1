import { type ConstructorOptions, fromPglite, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/index.ts';

export interface OpenBossOptions {
  db: Database;
  /** Required on PostgreSQL: pg-boss opens its own pool from it. */
  databaseUrl?: string;
  log: Logger;
  /** Postgres schema holding pg-boss's tables. */
  schema?: string;
}

/** A started pg-boss on the embedded database's single connection or on its own PostgreSQL pool. */
export async function openBoss({
  db,
  databaseUrl,
  log,
  schema = 'pgboss',
}: OpenBossOptions): Promise<PgBoss> {
  // The name is spliced into SQL (by pg-boss and by the status query), so only a plain identifier.
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid job queue schema name "${schema}"`);
  const common: ConstructorOptions = { schema, instanceName: `flashfusion-${process.pid}` };
  let options: ConstructorOptions;
  if (db.kind === 'pglite') {
    if (!db.pglite) throw new Error('The embedded database has no PGlite handle for the job queue');
    // pg-boss shares the app's one PGlite connection. PGlite serialises statements and holds the
    // connection for a whole transaction, so polling waits behind application transactions, and an
    // enqueue from inside one must go through that transaction (EnqueueOptions.tx) or it deadlocks.
    options = { ...common, db: fromPglite(db.pglite), backend: 'pglite' };
  } else {
    // pg-boss cannot borrow a pg.Pool (it needs its own sessions for LISTEN and transactions), so it
    // connects from the URL; a small pool keeps N processes × pools well under max_connections.
    if (!databaseUrl) throw new Error('createQueue on PostgreSQL needs databaseUrl');
    options = { ...common, connectionString: databaseUrl, max: 4, application_name: 'flashfusion-queue' };
  }
  const boss = new PgBoss(options);
  // An EventEmitter 'error' with no listener throws and would take the process down with a
  // maintenance hiccup; these are pg-boss's background loops, so they are logged, not fatal.
  boss.on('error', (err) => log.error({ err: { message: err.message, name: err.name } }, 'job queue error'));
  boss.on('warning', (w) => log.warn({ data: w.data }, `job queue warning: ${w.message}`));
  await boss.start();
  return boss;
}
