import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, TTx } from '../platform/db/index.ts';
import { queryRows } from '../platform/db/index.ts';
import { withTenant } from '../platform/db/tenant/index.ts';
import { createTestDatabase } from '../platform/testing/test-database.ts';
import * as schema from '../schema.ts';
import { pgErrorCode, seedTwoTenants, type TTenantRows } from '../testing/tenant.test-kit.ts';

const RLS_VIOLATION = '42501'; // insufficient_privilege: "new row violates row-level security policy"

let db: Database;
let cleanup: () => Promise<void>;
let a: TTenantRows;
let b: TTenantRows;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  ({ a, b } = await seedTwoTenants(db));
});
afterAll(() => cleanup());

const ids = async (on: Database['orm'] | TTx, table: string) =>
  (await queryRows<{ id: string }>(on, sql`select id from ${sql.identifier(table)}`)).map((r) => r.id).sort();
const asA = <T>(work: (tx: TTx) => Promise<T>) => withTenant(db, a.orgId, work);
const ROLLBACK = new Error('roll back');
/** 'accepted', or the error code that refused the write; the write is rolled back either way. */
const refusal = (write: (tx: TTx) => Promise<unknown>) =>
  asA(async (tx) => {
    await write(tx);
    throw ROLLBACK;
  }).catch((err: unknown) => (err === ROLLBACK ? 'accepted' : pgErrorCode(err)));

/** Tables with organization_id: the row of each tenant, and an insert of a row for organization `org`. */
const DIRECT: {
  table: string;
  row: (t: TTenantRows) => string;
  /** Every row the tenant has in the table. */
  all: (t: TTenantRows) => string[];
  insert: (tx: TTx, org: string) => Promise<unknown>;
}[] = [
  {
    table: 'projects',
    row: (t) => t.projectIds[0]!,
    all: (t) => t.projectIds,
    insert: (tx, org) =>
      tx.insert(schema.projects).values({ organizationId: org, ownerId: a.userId, name: 'x', type: 'web' }),
  },
  {
    table: 'organization_members',
    row: (t) => t.memberId,
    all: (t) => [t.memberId],
    insert: (tx, org) =>
      tx.insert(schema.organizationMembers).values({ organizationId: org, userId: b.userId }),
  },
  {
    table: 'api_keys',
    row: (t) => t.apiKeyId,
    all: (t) => [t.apiKeyId],
    insert: (tx, org) =>
      tx.insert(schema.apiKeys).values({
        organizationId: org,
        userId: a.userId,
        name: 'x',
        prefix: 'ff_',
        keyHash: randomUUID(),
        scopes: [],
      }),
  },
  {
    table: 'invitations',
    row: (t) => t.invitationId,
    all: (t) => [t.invitationId],
    insert: (tx, org) =>
      tx.insert(schema.invitations).values({
        organizationId: org,
        email: 'x@example.com',
        role: 'viewer',
        tokenHash: randomUUID(),
        invitedBy: a.userId,
        expiresAt: new Date(),
      }),
  },
];

describe('row-level security inside withTenant(A)', () => {
  it('runs as ff_app, which is neither superuser nor exempt from row security', async () => {
    const [who] = await asA((tx) =>
      queryRows<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean; org: string }>(
        tx,
        sql`select current_user, rolsuper, rolbypassrls, current_setting('app.organization_id') as org
            from pg_roles where rolname = current_user`,
      ),
    );
    expect(who).toEqual({ current_user: 'ff_app', rolsuper: false, rolbypassrls: false, org: a.orgId });
  });

  it('select * from projects without any WHERE clause returns only A’s projects', async () => {
    const rows = await asA((tx) =>
      queryRows<{ id: string; organization_id: string }>(tx, sql`select * from projects`),
    );
    expect(rows.map((r) => r.id).sort()).toEqual([...a.projectIds].sort());
    expect(new Set(rows.map((r) => r.organization_id))).toEqual(new Set([a.orgId]));
    expect(await asA((tx) => tx.select().from(schema.projects))).toHaveLength(2);
  });

  describe.each(DIRECT)('$table', ({ table, row, all, insert }) => {
    const t = sql.identifier(table);

    it('lists only A’s rows', async () => {
      expect(await asA((tx) => ids(tx, table))).toEqual([...all(a)].sort());
    });

    it('updating or deleting B’s row by id affects 0 rows and leaves it in place', async () => {
      const updated = await asA((tx) =>
        queryRows(
          tx,
          sql`update ${t} set organization_id = organization_id where id = ${row(b)} returning id`,
        ),
      );
      const deleted = await asA((tx) =>
        queryRows(tx, sql`delete from ${t} where id = ${row(b)} returning id`),
      );
      expect(updated).toEqual([]);
      expect(deleted).toEqual([]);
      expect(await ids(db.orm, table)).toContain(row(b));
    });

    it('refuses a row inserted with B’s organization_id, or A’s row moved to B', async () => {
      expect(await refusal((tx) => insert(tx, b.orgId))).toBe(RLS_VIOLATION);
      const move = (tx: TTx) =>
        tx.execute(sql`update ${t} set organization_id = ${b.orgId} where id = ${row(a)}`);
      expect(await refusal(move)).toBe(RLS_VIOLATION);
      expect(await refusal((tx) => insert(tx, a.orgId))).toBe('accepted');
    });
  });

  describe('project_members (through its project’s organization)', () => {
    it('lists only members of A’s projects', async () => {
      expect(await asA((tx) => ids(tx, 'project_members'))).toEqual([a.projectMemberId]);
    });

    it('cannot touch B’s project members, add one to B’s project, or move one there', async () => {
      const updated = await asA((tx) =>
        queryRows(
          tx,
          sql`update project_members set role = 'admin' where id = ${b.projectMemberId} returning id`,
        ),
      );
      const deleted = await asA((tx) =>
        queryRows(tx, sql`delete from project_members where id = ${b.projectMemberId} returning id`),
      );
      expect([updated, deleted]).toEqual([[], []]);
      const add = (tx: TTx) =>
        tx.insert(schema.projectMembers).values({ projectId: b.projectIds[0]!, userId: a.userId });
      expect(await refusal(add)).toBe(RLS_VIOLATION);
      const move = (tx: TTx) =>
        tx.execute(
          sql`update project_members set project_id = ${b.projectIds[0]!} where id = ${a.projectMemberId}`,
        );
      expect(await refusal(move)).toBe(RLS_VIOLATION);
      const own = (tx: TTx) =>
        tx.insert(schema.projectMembers).values({ projectId: a.projectIds[1]!, userId: a.userId });
      expect(await refusal(own)).toBe('accepted');
    });
  });

  it('organizations: only A itself is visible, B cannot be changed, no other organization can be created', async () => {
    expect(await asA((tx) => ids(tx, 'organizations'))).toEqual([a.orgId]);
    const renamed = await asA((tx) =>
      queryRows(tx, sql`update organizations set name = 'x' where id = ${b.orgId} returning id`),
    );
    expect(renamed).toEqual([]);
    const create = (tx: TTx) =>
      tx.insert(schema.organizations).values({ name: 'n', slug: `n-${randomUUID()}` });
    expect(await refusal(create)).toBe(RLS_VIOLATION);
  });

  it('instance-level rows (organization_id null) are neither visible nor writable in a tenant transaction', async () => {
    for (const table of ['mail_outbox', 'domain_events']) {
      const orgs = await asA((tx) =>
        queryRows<{ organization_id: string | null }>(
          tx,
          sql`select organization_id from ${sql.identifier(table)}`,
        ),
      );
      expect(orgs).toEqual([{ organization_id: a.orgId }]);
    }
    const event = (tx: TTx) =>
      tx.insert(schema.domainEvents).values({ id: randomUUID(), type: 't', aggregateId: 'x', payload: {} });
    expect(await refusal(event)).toBe(RLS_VIOLATION);
    const mail = (tx: TTx) =>
      tx.insert(schema.mailOutbox).values({
        toAddress: 'x@example.com',
        fromAddress: 'f@example.com',
        subject: 's',
        textBody: 't',
        kind: 'k',
      });
    expect(await refusal(mail)).toBe(RLS_VIOLATION);
    const ownEvent = (tx: TTx) =>
      tx
        .insert(schema.domainEvents)
        .values({ id: randomUUID(), type: 't', aggregateId: 'x', organizationId: a.orgId, payload: {} });
    expect(await refusal(ownEvent)).toBe('accepted');
  });

  it('tables without a tenant stay readable by ff_app (users, sessions, drizzle’s history…)', async () => {
    const counts = await asA(async (tx) => {
      const out: Record<string, number> = {};
      for (const table of ['users', 'sessions', 'accounts', 'verifications', 'signing_keys']) {
        out[table] = (await queryRows(tx, sql`select 1 from ${sql.identifier(table)}`)).length;
      }
      out.migrations = (await queryRows(tx, sql`select 1 from drizzle.__drizzle_migrations`)).length;
      return out;
    });
    expect(counts.users).toBeGreaterThanOrEqual(2); // users are shared across organizations
    expect(counts.migrations).toBeGreaterThanOrEqual(5);
  });
  it('gets access to schemas and tables the owner creates later (pg-boss installs its own at first start)', async () => {
    await db.orm.execute(sql`create schema later_probe`);
    await db.orm.execute(sql`create table later_probe.jobs (id serial primary key, name text)`);
    const rows = await asA(async (tx) => {
      await tx.execute(sql`insert into later_probe.jobs (name) values ('x')`);
      return queryRows<{ name: string }>(tx, sql`select name from later_probe.jobs`);
    });
    expect(rows).toEqual([{ name: 'x' }]);
  });
});

describe('outside withTenant: the owner (migration role), the platform’s own path', () => {
  it('sees every organization’s rows and is not ff_app', async () => {
    const [who] = await queryRows<{ current_user: string }>(db.orm, sql`select current_user`);
    expect(who?.current_user).not.toBe('ff_app');
    expect(await ids(db.orm, 'projects')).toEqual(expect.arrayContaining([...a.projectIds, ...b.projectIds]));
    expect(await ids(db.orm, 'organizations')).toEqual(expect.arrayContaining([a.orgId, b.orgId]));
    expect(await ids(db.orm, 'project_members')).toEqual(
      expect.arrayContaining([a.projectMemberId, b.projectMemberId]),
    );
    const nulls = await queryRows(db.orm, sql`select 1 from mail_outbox where organization_id is null`);
    expect(nulls.length).toBeGreaterThanOrEqual(2);
  });

  it('ff_app with no organization set sees nothing of any tenant table (fail closed)', async () => {
    const seen = await db.orm.transaction(async (tx) => {
      await tx.execute(sql`set local role ff_app`);
      const out: number[] = [];
      for (const table of ['projects', 'organizations', 'project_members', 'mail_outbox', 'domain_events']) {
        out.push((await ids(tx, table)).length);
      }
      return out;
    });
    expect(seen).toEqual([0, 0, 0, 0, 0]);
  });

  it('every table with an organization_id column has forced row security and a tenant policy', async () => {
    const rows = await queryRows<{ table: string; rls: boolean; forced: boolean; policy: boolean }>(
      db.orm,
      sql`select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
                 exists (select 1 from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname
                         and p.policyname = 'tenant_isolation' and 'ff_app' = any (p.roles)) as policy
          from pg_class c
          where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
            and (exists (select 1 from information_schema.columns k where k.table_schema = 'public'
                         and k.table_name = c.relname and k.column_name = 'organization_id')
                 or c.relname in ('organizations', 'project_members'))`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(14);
    expect(rows.filter((r) => !(r.rls && r.forced && r.policy)).map((r) => r.table)).toEqual([]);
  });
});
