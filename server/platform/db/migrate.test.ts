import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-database.ts';
import type { Database } from './index.ts';
import { listAppliedMigrations, migrateDatabase, queryRows } from './index.ts';

describe('migrations', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDatabase());
  });
  afterAll(() => cleanup());

  it('creates every table of the overview plus memberships, events and keys', async () => {
    const r = await queryRows<{ table_name: string }>(
      db.orm,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(r.map((x) => x.table_name)).toEqual(
      expect.arrayContaining([
        'ai_generations',
        'content_items',
        'domain_events',
        'organization_keys',
        'organization_members',
        'organizations',
        'project_members',
        'projects',
        'usage_metrics',
        'user_achievements',
        'users',
      ]),
    );
  });

  it('is idempotent: a second run applies nothing', async () => {
    await migrateDatabase(db);
    const { rows, total } = await listAppliedMigrations(db, { limit: 10, offset: 0, order: 'asc' });
    expect(total).toBe(rows.length);
    expect(rows[0]?.name).toBe('0000_init');
  });
});
