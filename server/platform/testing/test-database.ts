import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import pino from 'pino';
import { type Database, migrateDatabase, openDatabase } from '../db/index.ts';
import { copyPgliteTemplate, TEMPLATE_ENV } from './pglite-template.ts';

/** A copy of the run's migrated template when global setup made one, else a fresh in-memory database. */
export function embeddedTestDataDir(): string {
  const template = process.env[TEMPLATE_ENV];
  return template ? copyPgliteTemplate(template) : 'memory://';
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (npm run test:services), dropped again by `cleanup`.
 */
export async function createTestDatabase(): Promise<{
  db: Database;
  url?: string;
  cleanup: () => Promise<void>;
}> {
  const log = pino({ level: 'silent' });
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dataDir = embeddedTestDataDir();
    const db = await openDatabase({ dataDir, log });
    await migrateDatabase(db);
    return {
      db,
      cleanup: async () => {
        await db.close();
        if (dataDir !== 'memory://') rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const url = await createScratchDatabase(adminUrl);
  const db = await openDatabase({ databaseUrl: url, dataDir: 'memory://', log });
  await migrateDatabase(db);
  return {
    db,
    url,
    cleanup: async () => {
      await db.close();
      await dropScratchDatabase(adminUrl, url);
    },
  };
}

/** Creates an empty database beside the one adminUrl names and returns its URL. */
export async function createScratchDatabase(adminUrl: string): Promise<string> {
  const name = `ff_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropScratchDatabase(adminUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^ff_test_[0-9a-f]+$/.test(name)) throw new Error(`refusing to drop ${name}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // A backend still closing (a killed child process, autovacuum) can refuse the forced drop for a moment.
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`drop database if exists ${name} with (force)`);
        return;
      } catch (err) {
        if (attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  } finally {
    await admin.end();
  }
}
