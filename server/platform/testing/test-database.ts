import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { type Database, migrateDatabase, openDatabase } from '../db/index.ts';

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
    const db = await openDatabase({ dataDir: 'memory://', log });
    await migrateDatabase(db);
    return { db, cleanup: () => db.close() };
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
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}
