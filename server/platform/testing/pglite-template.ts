import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS_FOLDER, migrateDatabase } from '../db/migrate.ts';
import { openPglite } from '../db/open-pglite.ts';

/** Environment variable through which the test run's global setup hands the template to test files. */
export const TEMPLATE_ENV = 'FF_PGLITE_TEMPLATE';

function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_FOLDER, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const file = path.join(f.parentPath, f.name);
    h.update(path.relative(MIGRATIONS_FOLDER, file)).update(readFileSync(file));
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * A migrated embedded database on disk, made once per set of migrations. Creating PGlite from nothing runs
 * initdb (seconds); copying this directory and opening the copy is much faster, and it is the same engine.
 */
export async function ensurePgliteTemplate(): Promise<string> {
  const dir = path.join(os.tmpdir(), `ff-pglite-template-${migrationsHash()}`);
  if (existsSync(path.join(dir, 'pgdata', 'PG_VERSION'))) return dir;
  const building = mkdtempSync(path.join(os.tmpdir(), 'ff-pglite-building-'));
  const db = await openPglite(building);
  await migrateDatabase(db);
  await db.close();
  try {
    renameSync(building, dir);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another run made it first
  }
  return dir;
}

/** A private copy of the template: a data dir whose pgdata is an already-migrated database. */
export function copyPgliteTemplate(template: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ff-pglite-'));
  cpSync(path.join(template, 'pgdata'), path.join(dir, 'pgdata'), { recursive: true });
  return dir;
}
