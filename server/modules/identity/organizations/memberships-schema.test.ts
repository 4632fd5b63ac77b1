import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/index.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import { organizationMembers, organizations, users } from '../schema.ts';

describe('memberships in the migrated schema', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDatabase());
  });
  afterAll(() => cleanup());

  it('lets a user belong to several organizations', async () => {
    const [u] = await db.orm.insert(users).values({ email: 'a@example.com' }).returning();
    const orgs = await db.orm
      .insert(organizations)
      .values([
        { name: 'A', slug: 'a' },
        { name: 'B', slug: 'b' },
      ])
      .returning();
    await db.orm
      .insert(organizationMembers)
      .values(orgs.map((o) => ({ organizationId: o.id, userId: u!.id })));
    const m = await db.orm.select().from(organizationMembers);
    expect(m).toHaveLength(2);
  });
});
