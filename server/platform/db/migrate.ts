import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './database.ts';

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Arbitrary constant naming FlashFusion's migration lock among PostgreSQL advisory locks. */
const MIGRATION_LOCK_KEY = 7_245_001;

/**
 * Applies pending SQL migrations (the same files on both databases). On PostgreSQL the run holds a
 * session advisory lock, so processes starting together take turns: the first migrates, the rest find
 * nothing left to do.
 */
export async function migrateDatabase(db: Database): Promise<void> {
  if (db.pglite) {
    await migratePglite(drizzlePglite({ client: db.pglite }), { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  if (!db.pool) throw new Error('database has neither an embedded engine nor a pool');
  const client = await db.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
