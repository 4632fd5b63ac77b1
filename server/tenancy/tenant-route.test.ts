import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../modules/identity/api-keys/index.ts';
import { seedMember } from '../modules/identity/identity.test-kit.ts';
import { projects, type TActorContext } from '../modules/identity/index.ts';
import { queryRows } from '../platform/db/index.ts';
import { withTenant } from '../platform/db/tenant/index.ts';
import { json } from '../platform/http/index.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

// The tenancy idiom of every module's route, `withTenant(db, actor.organizationId, (tx) => …)`, in a route
// mounted like any other module's (on identity's member router, through extraApiRoutes). Its SQL
// deliberately has no WHERE clause: only row-level security can keep the other organization's rows out.
describe('withTenant in a route, under row-level security', () => {
  let s: TestServer;
  let a: TActorContext;
  let b: TActorContext;
  const ids: Record<'a' | 'b', string[]> = { a: [], b: [] };
  const keys: Record<'a' | 'b', string> = { a: '', b: '' };

  beforeAll(async () => {
    s = await startTestServer({
      extraApiRoutes: (api, modules) => {
        // A route like any module's: on identity's member router, guarded by its declaration.
        const probe = createRoute({
          method: 'get',
          path: '/test/tenant-probe',
          'x-permission': 'project:read',
          responses: {
            200: { description: 'What the tenant saw', ...json(z.record(z.string(), z.unknown())) },
          },
        });
        api.route(
          '/',
          modules.identity.routers.member().openapi(probe, async (c) => {
            const { organizationId } = c.get('actor');
            const seen = await withTenant(s.platform.db, organizationId, async (tx) => ({
              ids: await queryRows<{ id: string }>(tx, sql`select id from projects`),
              role: await queryRows<{ current_user: string }>(tx, sql`select current_user`),
              renamed: await queryRows<{ id: string }>(
                tx,
                sql`update projects set name = 'pwned' returning id`,
              ),
            }));
            return c.json(
              {
                organizationId,
                ids: seen.ids.map((r) => r.id).sort(),
                role: seen.role[0]?.current_user ?? null,
                renamed: seen.renamed.length,
              },
              200,
            );
          }),
        );
      },
    });
    const db = s.platform.db;
    a = await seedMember(db, { role: 'owner' });
    b = await seedMember(db, { role: 'owner' });
    for (const [name, actor, n] of [
      ['a', a, 2],
      ['b', b, 3],
    ] as const) {
      const rows = await db.orm
        .insert(projects)
        .values(
          Array.from({ length: n }, (_, i) => ({
            organizationId: actor.organizationId,
            ownerId: actor.userId,
            name: `${name}${i}`,
            type: 'web',
          })),
        )
        .returning({ id: projects.id });
      ids[name] = rows.map((r) => r.id).sort();
      const created = await createApiKey({
        events: s.platform.events,
        actor,
        input: { name: 'probe', scopes: ['read'] },
      });
      keys[name] = created.key;
    }
  }, 60_000);
  afterAll(() => s?.stop());

  const probe = (key: string) =>
    fetch(`${s.url}/api/v1/test/tenant-probe`, { headers: { authorization: `Bearer ${key}` } });

  it('sees only the caller’s organization’s rows, as ff_app, and cannot write the others', async () => {
    for (const [name, actor] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const res = await probe(keys[name]);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        organizationId: string;
        ids: string[];
        role: string;
        renamed: number;
      };
      expect(body.organizationId).toBe(actor.organizationId);
      expect(body.role).toBe('ff_app');
      expect(body.ids).toEqual(ids[name]);
      expect(body.renamed).toBe(ids[name].length);
      if (name === 'a') {
        // a's unscoped UPDATE left b's projects alone.
        const bNames = await queryRows<{ name: string }>(
          s.platform.db.orm,
          sql`select name from projects where organization_id = ${b.organizationId} order by name`,
        );
        expect(bNames.map((r) => r.name)).toEqual(['b0', 'b1', 'b2']);
      }
    }
    // The owner path (no tenant) sees both organizations' rows: the filtering above came from RLS alone.
    const all = await queryRows<{ id: string; name: string }>(
      s.platform.db.orm,
      sql`select id, name from projects`,
    );
    const mine = all.filter((r) => [...ids.a, ...ids.b].includes(r.id));
    expect(mine).toHaveLength(5);
    expect(mine.every((r) => r.name === 'pwned')).toBe(true);
  });

  it('refuses the route without member authentication, before any query', async () => {
    const res = await fetch(`${s.url}/api/v1/test/tenant-probe`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('AUTHENTICATION_FAILED');
    const bad = await probe('ff_not-a-real-key');
    expect(bad.status).toBe(401);
  });
});
