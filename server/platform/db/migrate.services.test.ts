import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, createTestDatabase, dropScratchDatabase } from '../testing/test-database.ts';
import { openDatabase, queryRows } from './index.ts';
import { MIGRATIONS_FOLDER } from './migrate.ts';

const CLI = path.join(import.meta.dirname, '..', '..', 'cli.ts');
const adminUrl = process.env.TEST_DATABASE_URL ?? '';

function migrateInChild(url: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'migrate'], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d;
    });
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('migrations on one PostgreSQL from several processes', () => {
  let url = '';
  afterAll(() => dropScratchDatabase(adminUrl, url));

  it('lets four processes start at once: exactly one applies each migration, all succeed', async () => {
    url = await createScratchDatabase(adminUrl);
    const results = await Promise.all([1, 2, 3, 4].map(() => migrateInChild(url)));
    for (const r of results) expect(r.code, r.out).toBe(0);
    const db = await openDatabase({ databaseUrl: url, dataDir: 'memory://', log: pino({ level: 'silent' }) });
    const rows = await queryRows<{ n: string }>(
      db.orm,
      sql`select count(*) as n from drizzle.__drizzle_migrations`,
    );
    const tables = await queryRows<{ n: string }>(
      db.orm,
      sql`select count(*) as n from information_schema.tables where table_schema = 'public'`,
    );
    await db.close();
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'));
    expect(Number(rows[0]?.n)).toBe(journal.entries.length);
    // The same tables as one process migrating alone.
    const alone = await createTestDatabase();
    const expected = await queryRows<{ n: string }>(
      alone.db.orm,
      sql`select count(*) as n from information_schema.tables where table_schema = 'public'`,
    );
    await alone.cleanup();
    expect(Number(tables[0]?.n)).toBe(Number(expected[0]?.n));
  });
});
