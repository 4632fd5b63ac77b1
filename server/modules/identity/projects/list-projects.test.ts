import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TActorContext } from '../actor.ts';
import { seedMember } from '../identity.test-kit.ts';
import { projects } from '../schema.ts';
import { createProjectsHarness, type TProjectsHarness } from './projects.test-kit.ts';

type TRow = { id: string; name: string; type: string };

// Seeded in this order, a few ms apart: createdAt ascending is alpha, Bravo, charlie, Delta, echo_1.
// `Delta` is then updated last, so updatedAt ascending puts it at the end. Names mix case on purpose.
const SEED = [
  { name: 'alpha', type: 'web-app' },
  { name: 'Bravo', type: 'api' },
  { name: 'charlie', type: 'web-app' },
  { name: 'Delta', type: 'content' },
  { name: 'echo_1', type: 'workflow' },
] as const;

describe('GET /api/v1/projects', () => {
  let h: TProjectsHarness;
  let member: TActorContext;
  let stranger: TActorContext;
  const names = (body: Record<string, unknown>) => (body.data as TRow[]).map((p) => p.name);
  const list = async (query: string, actor = member) => h.call(actor, 'GET', `/projects${query}`);

  beforeAll(async () => {
    h = await createProjectsHarness();
    member = await seedMember(h.db, { role: 'owner' });
    stranger = await seedMember(h.db, { role: 'owner' });
    for (const p of SEED) {
      expect((await h.call(member, 'POST', '/projects', p)).status).toBe(201);
      await new Promise((r) => setTimeout(r, 5));
    }
    await h.call(stranger, 'POST', '/projects', { name: 'alpha of another org', type: 'web-app' });
    const [delta] = await h.db.orm.select().from(projects).where(eq(projects.name, 'Delta'));
    await new Promise((r) => setTimeout(r, 5));
    expect((await h.call(member, 'PATCH', `/projects/${delta!.id}`, { description: 'touched' })).status).toBe(
      200,
    );
  });
  afterAll(() => h.close());

  it('defaults to newest first, limit 20, with the pagination object', async () => {
    const { status, body } = await list('');
    expect(status).toBe(200);
    expect(names(body)).toEqual(['echo_1', 'Delta', 'charlie', 'Bravo', 'alpha']);
    expect(body.pagination).toEqual({ total: 5, limit: 20, offset: 0, hasNext: false, hasPrev: false });
  });

  it.each([
    [
      '?limit=2&offset=0',
      ['alpha', 'Bravo'],
      { total: 5, limit: 2, offset: 0, hasNext: true, hasPrev: false },
    ],
    [
      '?limit=2&offset=2',
      ['charlie', 'Delta'],
      { total: 5, limit: 2, offset: 2, hasNext: true, hasPrev: true },
    ],
    ['?limit=2&offset=4', ['echo_1'], { total: 5, limit: 2, offset: 4, hasNext: false, hasPrev: true }],
    [
      '?limit=5&offset=0',
      SEED.map((s) => s.name),
      { total: 5, limit: 5, offset: 0, hasNext: false, hasPrev: false },
    ],
    ['?limit=1&offset=9', [], { total: 5, limit: 1, offset: 9, hasNext: false, hasPrev: true }],
  ])('pages %s', async (query, expected, pagination) => {
    const { body } = await list(`${query}&sort=createdAt&order=asc`);
    expect(names(body)).toEqual(expected);
    expect(body.pagination).toEqual(pagination);
  });

  it.each([
    ['createdAt', 'asc', ['alpha', 'Bravo', 'charlie', 'Delta', 'echo_1']],
    ['createdAt', 'desc', ['echo_1', 'Delta', 'charlie', 'Bravo', 'alpha']],
    ['updatedAt', 'asc', ['alpha', 'Bravo', 'charlie', 'echo_1', 'Delta']],
    ['updatedAt', 'desc', ['Delta', 'echo_1', 'charlie', 'Bravo', 'alpha']],
    ['name', 'asc', ['alpha', 'Bravo', 'charlie', 'Delta', 'echo_1']],
    ['name', 'desc', ['echo_1', 'Delta', 'charlie', 'Bravo', 'alpha']],
  ])('sorts by %s %s', async (sort, order, expected) => {
    const { status, body } = await list(`?sort=${sort}&order=${order}`);
    expect(status).toBe(200);
    expect(names(body)).toEqual(expected);
  });

  it('filters by a case-insensitive name fragment', async () => {
    expect(names((await list('?q=A&sort=name&order=asc')).body)).toEqual([
      'alpha',
      'Bravo',
      'charlie',
      'Delta',
    ]);
    expect(names((await list('?q=RL')).body)).toEqual(['charlie']);
    const none = await list('?q=zzz');
    expect(names(none.body)).toEqual([]);
    expect(none.body.pagination).toEqual({ total: 0, limit: 20, offset: 0, hasNext: false, hasPrev: false });
  });

  it('treats % and _ in q as themselves, not as wildcards', async () => {
    expect(names((await list('?q=_')).body)).toEqual(['echo_1']);
    expect(names((await list('?q=%25')).body)).toEqual([]);
  });

  it('filters by exact type, combined with q and paging', async () => {
    expect(names((await list('?type=web-app&sort=name&order=asc')).body)).toEqual(['alpha', 'charlie']);
    const both = await list('?type=web-app&q=char');
    expect(names(both.body)).toEqual(['charlie']);
    const paged = await list('?type=web-app&limit=1&sort=name&order=asc');
    expect(names(paged.body)).toEqual(['alpha']);
    expect(paged.body.pagination).toEqual({ total: 2, limit: 1, offset: 0, hasNext: true, hasPrev: false });
  });

  it('never shows another organization’s projects', async () => {
    const mine = await list('?q=alpha');
    expect(names(mine.body)).toEqual(['alpha']);
    const theirs = await list('', stranger);
    expect(names(theirs.body)).toEqual(['alpha of another org']);
    expect((theirs.body.pagination as { total: number }).total).toBe(1);
  });

  it.each([
    '?sort=owner',
    '?sort=',
    '?order=up',
    '?limit=0',
    '?limit=101',
    '?limit=abc',
    '?limit=1.5',
    '?offset=-1',
    '?type=spaceship',
    `?q=${'x'.repeat(201)}`,
  ])('refuses %s with 400 VALIDATION_ERROR', async (query) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    expect(body.error?.code).toBe('VALIDATION_ERROR');
  });
});
