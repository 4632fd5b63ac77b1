import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseEnv } from '../env.ts';
import { seedMember } from '../modules/identity/identity.test-kit.ts';
import { organizations, users } from '../modules/identity/index.ts';
import { type Database, migrateDatabase, openDatabase } from '../platform/db/index.ts';
import { domainEvents } from '../platform/events/index.ts';
import { createLogger } from '../platform/logger/index.ts';
import { copyPgliteTemplate, ensurePgliteTemplate } from '../platform/testing/pglite-template.ts';
import { adminCommand } from './admin.ts';
import { orgSetPlan } from './org-set-plan.ts';

// The commands run as their own process would: against DATA_DIR's embedded database (a copy of the migrated
// test template), which the test opens between runs to seed and to check (PGlite allows one opener at a time).
describe('operator commands: admin grant|revoke, org set-plan', async () => {
  const dataDir = copyPgliteTemplate(await ensurePgliteTemplate());
  const env = parseEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const log = createLogger({ level: 'silent' });
  const withDb = async <T>(work: (db: Database) => Promise<T>): Promise<T> => {
    const db = await openDatabase({ dataDir: env.DATA_DIR, log });
    try {
      await migrateDatabase(db);
      return await work(db);
    } finally {
      await db.close();
    }
  };
  const output = async (run: () => Promise<number>) => {
    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const code = await run();
      return { code, out: out.mock.calls.join('\n'), err: err.mock.calls.join('\n') };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  };
  let member: Awaited<ReturnType<typeof seedMember>>;
  let slug: string;
  beforeAll(async () => {
    ({ member, slug } = await withDb(async (db) => {
      const m = await seedMember(db, { plan: 'unlimited' });
      const [org] = await db.orm.select().from(organizations).where(eq(organizations.id, m.organizationId));
      return { member: m, slug: org!.slug };
    }));
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const isAdmin = (email: string) =>
    withDb(async (db) => {
      const [u] = await db.orm.select().from(users).where(eq(users.email, email));
      return u?.isInstanceAdmin;
    });

  it('grants instance admin by email (any case), says when nothing changes, and refuses an unknown one', async () => {
    expect(await isAdmin(member.email)).toBe(false);
    const granted = await output(() => adminCommand(env, log, 'grant', member.email.toUpperCase()));
    expect(granted).toMatchObject({ code: 0, out: `${member.email} is an instance admin.` });
    expect(await isAdmin(member.email)).toBe(true);
    expect((await output(() => adminCommand(env, log, 'grant', member.email))).out).toBe(
      `${member.email} already an instance admin.`,
    );
    const unknown = await output(() => adminCommand(env, log, 'grant', 'nobody@example.com'));
    expect(unknown).toMatchObject({ code: 1, err: 'No account with the email nobody@example.com' });
  }, 120_000);

  it('revokes, but never the last instance admin', async () => {
    const last = await output(() => adminCommand(env, log, 'revoke', member.email));
    expect(last.code).toBe(1);
    expect(last.err).toMatch(/is the last instance admin; grant another one first/);
    expect(await isAdmin(member.email)).toBe(true);
    const other = await withDb((db) => seedMember(db));
    expect((await output(() => adminCommand(env, log, 'grant', other.email))).code).toBe(0);
    const revoked = await output(() => adminCommand(env, log, 'revoke', member.email));
    expect(revoked).toMatchObject({ code: 0, out: `${member.email} is no longer an instance admin.` });
    expect(await isAdmin(member.email)).toBe(false);
  }, 120_000);

  it('puts an organization named by slug or id on a plan, in the audit trail', async () => {
    const bySlug = await output(() => orgSetPlan(env, log, slug, 'starter'));
    expect(bySlug.code).toBe(0);
    expect(bySlug.out).toMatch(/moved from the unlimited plan to starter/);
    expect((await output(() => orgSetPlan(env, log, member.organizationId, 'starter'))).out).toMatch(
      /already on the starter plan/,
    );
    const { plan, events } = await withDb(async (db) => ({
      plan: (await db.orm.select().from(organizations).where(eq(organizations.id, member.organizationId)))[0]
        ?.plan,
      events: await db.orm
        .select()
        .from(domainEvents)
        .where(eq(domainEvents.aggregateId, member.organizationId)),
    }));
    expect(plan).toBe('starter');
    expect(events.map((e) => [e.type, e.payload])).toContainEqual([
      'organization.updated',
      { organizationId: member.organizationId, changed: ['plan'], plan: 'starter' },
    ]);
    const missing = await output(() => orgSetPlan(env, log, 'no-such-org', 'pro'));
    expect(missing).toMatchObject({ code: 1, err: 'Organization "no-such-org" not found' });
  }, 120_000);

  it('explains its usage when the arguments are wrong, before touching any database', () => {
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(import.meta.dirname, '../cli.ts'), ...args], {
        env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', DATA_DIR: path.join(dataDir, 'unused') },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const cases: [string[], RegExp][] = [
      [['admin', 'promote', 'a@example.com'], /Usage: flashfusion admin grant\|revoke <email>/],
      [['admin', 'grant'], /Usage: flashfusion admin grant\|revoke <email>/],
      [['org', 'set-plan', 'acme'], /Usage: flashfusion org set-plan <org id or slug> <plan>/],
      [['org', 'set-plan', 'acme', 'gold'], /Unknown plan "gold": choose one of unlimited, starter, pro/],
    ];
    for (const [args, message] of cases) {
      const r = cli(...args);
      expect([args.join(' '), r.status]).toEqual([args.join(' '), 2]);
      expect(r.stderr).toMatch(message);
    }
  }, 120_000);
});
