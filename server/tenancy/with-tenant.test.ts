import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../platform/db/index.ts';
import { queryRows } from '../platform/db/index.ts';
import { InvalidTenantError, withTenant } from '../platform/db/tenant/index.ts';
import { createTestDatabase } from '../platform/testing/test-database.ts';
import * as schema from '../schema.ts';
import { seedTwoTenants, type TTenantRows } from '../testing/tenant.test-kit.ts';

let db: Database;
let cleanup: () => Promise<void>;
let a: TTenantRows;
let b: TTenantRows;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  ({ a, b } = await seedTwoTenants(db));
});
afterAll(() => cleanup());

const whoAmI = async () =>
  (
    await queryRows<{ user: string; org: string | null }>(
      db.orm,
      sql`select current_user as user, nullif(current_setting('app.organization_id', true), '') as org`,
    )
  )[0];

describe('withTenant', () => {
  it.each([
    ['empty', ''],
    ['not a uuid', 'acme'],
    ['SQL', "'; set role postgres; --"],
    ['uuid with a suffix', '00000000-0000-0000-0000-000000000000; drop table projects'],
    ['uuid without dashes', '0000000000000000000000000000000a'],
    ['not a string', 42 as unknown as string],
  ])('refuses an organization id that is %s before any SQL', async (_label, bad) => {
    const transaction = vi.spyOn(db.orm, 'transaction');
    const execute = vi.spyOn(db.orm, 'execute');
    const work = vi.fn(async () => 1);
    await expect(withTenant(db, bad, work)).rejects.toBeInstanceOf(InvalidTenantError);
    expect(transaction).not.toHaveBeenCalled();
    expect(execute).not.toHaveBeenCalled();
    expect(work).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('accepts an upper-case uuid and returns what work returns', async () => {
    const n = await withTenant(
      db,
      a.orgId.toUpperCase(),
      async (tx) => (await tx.select().from(schema.projects)).length,
    );
    expect(n).toBe(a.projectIds.length);
  });

  it('commits the work when it succeeds', async () => {
    await withTenant(db, a.orgId, (tx) =>
      tx
        .update(schema.projects)
        .set({ description: 'committed' })
        .where(eq(schema.projects.id, a.projectIds[0]!)),
    );
    const [row] = await db.orm.select().from(schema.projects).where(eq(schema.projects.id, a.projectIds[0]!));
    expect(row?.description).toBe('committed');
  });

  it('rolls everything back when the work throws, and rethrows', async () => {
    const boom = new Error('boom');
    const run = withTenant(db, a.orgId, async (tx) => {
      await tx
        .update(schema.projects)
        .set({ description: 'lost' })
        .where(eq(schema.projects.id, a.projectIds[1]!));
      throw boom;
    });
    await expect(run).rejects.toBe(boom);
    const [row] = await db.orm.select().from(schema.projects).where(eq(schema.projects.id, a.projectIds[1]!));
    expect(row?.description).toBeNull();
  });

  it('leaves the connection as the owner with no tenant once the transaction ends', async () => {
    const before = await whoAmI();
    await withTenant(db, a.orgId, async () => {});
    await withTenant(db, a.orgId, async () => Promise.reject(new Error('x'))).catch(() => {});
    for (let i = 0; i < 3; i++) expect(await whoAmI()).toEqual({ user: before?.user, org: null });
    expect(before?.user).not.toBe('ff_app');
  });

  it('keeps concurrent tenants apart', async () => {
    const seen = await Promise.all(
      [a, b, a, b].map((t) =>
        withTenant(db, t.orgId, async (tx) => {
          const rows = await tx.select({ org: schema.projects.organizationId }).from(schema.projects);
          return { expected: t.orgId, orgs: [...new Set(rows.map((r) => r.org))] };
        }),
      ),
    );
    for (const s of seen) expect(s.orgs).toEqual([s.expected]);
  });

  it('an unknown organization sees nothing', async () => {
    const rows = await withTenant(db, crypto.randomUUID(), (tx) => tx.select().from(schema.projects));
    expect(rows).toEqual([]);
  });
});
