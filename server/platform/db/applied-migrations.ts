import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from './database.ts';
import { MIGRATIONS_FOLDER } from './migrate.ts';

export interface TAppliedMigration {
  name: string;
  hash: string;
  writtenAt: string;
}

interface TJournal {
  entries: { idx: number; when: number; tag: string }[];
}

let journal: TJournal | undefined;
function readJournal(): TJournal {
  journal ??= JSON.parse(
    readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as TJournal;
  return journal;
}

/** The migrations this database has applied, oldest first, named by their SQL file. */
export async function listAppliedMigrations(
  db: Database,
  page: { limit: number; offset: number; order: 'asc' | 'desc' },
): Promise<{ rows: TAppliedMigration[]; total: number }> {
  const direction = page.order === 'desc' ? sql`desc` : sql`asc`;
  const result = await queryRows<{ hash: string; created_at: string | number; total: string | number }>(
    db.orm,
    sql`select hash, created_at, count(*) over () as total from drizzle.__drizzle_migrations
        order by created_at ${direction} limit ${page.limit} offset ${page.offset}`,
  );
  const tags = new Map(readJournal().entries.map((e) => [e.when, e.tag]));
  const rows = result.map((r) => {
    const when = Number(r.created_at);
    return {
      name: tags.get(when) ?? `unknown-${when}`,
      hash: r.hash,
      writtenAt: new Date(when).toISOString(),
    };
  });
  const total = result[0] ? Number(result[0].total) : await countMigrations(db);
  return { rows, total };
}

async function countMigrations(db: Database): Promise<number> {
  const r = await queryRows<{ n: string | number }>(
    db.orm,
    sql`select count(*) as n from drizzle.__drizzle_migrations`,
  );
  return Number(r[0]?.n ?? 0);
}
