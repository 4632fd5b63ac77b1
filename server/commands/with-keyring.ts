import type { TEnv } from '../env.ts';
import { type Keyring, loadKeyring } from '../platform/crypto/index.ts';
import { type Database, migrateDatabase, openDatabase } from '../platform/db/index.ts';
import type { Logger } from '../platform/logger/index.ts';

/**
 * Opens and migrates the database, loads the keyring the server uses (MASTER_KEY / MASTER_KEY_PREVIOUS or
 * DATA_DIR/master.key), runs work, then closes the database: the frame of the key-rotation commands.
 */
export async function withDatabaseAndKeyring<T>(
  env: TEnv,
  log: Logger,
  work: (db: Database, keyring: Keyring) => Promise<T>,
): Promise<T> {
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, log });
  try {
    await migrateDatabase(db);
    const keyring = loadKeyring({
      masterKey: env.MASTER_KEY,
      previousMasterKey: env.MASTER_KEY_PREVIOUS,
      dataDir: env.DATA_DIR,
      log,
    });
    return await work(db, keyring);
  } finally {
    await db.close();
  }
}
