import type { TEnv } from '../env.ts';
import { type Database, migrateDatabase, openDatabase } from '../platform/db/index.ts';
import type { Logger } from '../platform/logger/index.ts';

/**
 * Opens and migrates the configured database, runs work, then closes it: the frame of the operator commands
 * that change instance data (admin grant/revoke, org set-plan). A refusal meant for the operator (an
 * AppError: no such account, last admin) is printed and exits 1, without a stack.
 */
export async function withDatabase(
  env: TEnv,
  log: Logger,
  work: (db: Database) => Promise<number>,
): Promise<number> {
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, log });
  try {
    await migrateDatabase(db);
    return await work(db);
  } catch (err) {
    if (err instanceof Error && err.name === 'AppError') {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}
