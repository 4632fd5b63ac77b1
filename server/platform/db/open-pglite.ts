import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { lockDataDir } from './data-dir-lock.ts';
import { type Database, DatabaseUnavailableError, type TOrm } from './database.ts';

/** Opens the embedded database in `dataDir/pgdata`, or in memory when dataDir is 'memory://'. */
export async function openPglite(dataDir: string): Promise<Database> {
  let target = 'memory://';
  if (dataDir !== 'memory://') {
    target = path.join(dataDir, 'pgdata');
    try {
      mkdirSync(target, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw new DatabaseUnavailableError(
        `Cannot create the embedded database directory ${target} (check DATA_DIR): ${(err as Error).message}`,
        { cause: err },
      );
    }
  }
  const unlock = target === 'memory://' ? () => {} : lockDataDir(`${target}.lock`);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(target);
  } catch (err) {
    unlock();
    throw new DatabaseUnavailableError(
      `Cannot open the embedded database in ${target}: ${(err as Error).message}. ` +
        'Is another FlashFusion process using this DATA_DIR?',
      { cause: err },
    );
  }
  const orm = drizzle({ client: pglite }) as unknown as TOrm;
  let closed = false;
  return {
    kind: 'pglite',
    orm,
    pglite,
    async ping() {
      if (closed || pglite.closed) throw new DatabaseUnavailableError('The embedded database is closed');
      await pglite.query('select 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await pglite.close();
      } finally {
        unlock();
      }
    },
  };
}
