import type { TEnv } from '../env.ts';
import { listAppliedMigrations, migrateDatabase, openDatabase } from '../platform/db/index.ts';
import type { Logger } from '../platform/logger/index.ts';

/** Applies pending migrations to the configured database and reports what is applied. */
export async function migrate(env: TEnv, log: Logger): Promise<number> {
  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, log });
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  }
  try {
    await migrateDatabase(db);
    const { rows } = await listAppliedMigrations(db, { limit: 100, offset: 0, order: 'asc' });
    console.log(`Database (${db.kind}) is up to date: ${rows.map((r) => r.name).join(', ')}`);
    return 0;
  } finally {
    await db.close();
  }
}
