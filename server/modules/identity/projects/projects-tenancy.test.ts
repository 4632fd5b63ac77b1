import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TActorContext } from '../actor.ts';
import { seedMember } from '../identity.test-kit.ts';
import { organizationMembers, projectMembers, projects } from '../schema.ts';
import { createProjectsHarness, type TProjectsHarness } from './projects.test-kit.ts';

// Two organizations; each one's owner tries every project route on the other's project and member ids. The
// answer must be the same 404 an unknown id gets, with nothing of the other tenant in the body, and nothing
// may change.
describe('project routes across tenants', () => {
  let h: TProjectsHarness;
  let a: TActorContext;
  let b: TActorContext;
  let bColleague: TActorContext;
  let bProject: string;

  beforeAll(async () => {
    h = await createProjectsHarness();
    a = await seedMember(h.db, { role: 'owner' });
    b = await seedMember(h.db, { role: 'owner' });
    bColleague = await seedMember(h.db, { role: 'developer', organizationId: b.organizationId });
    const created = await h.call(b, 'POST', '/projects', {
      name: 'Secret B',
      type: 'api',
      config: { k: 'v' },
    });
    bProject = created.body.id as string;
    await h.call(b, 'POST', `/projects/${bProject}/members`, { userId: bColleague.userId, role: 'editor' });
  });
  afterAll(() => h.close());

  const attempts = () =>
    [
      ['GET', `/projects/${bProject}`, undefined],
      ['PATCH', `/projects/${bProject}`, { name: 'pwned' }],
      ['DELETE', `/projects/${bProject}`, undefined],
      ['GET', `/projects/${bProject}/members`, undefined],
      ['POST', `/projects/${bProject}/members`, { userId: a.userId, role: 'owner' }],
      ['PATCH', `/projects/${bProject}/members/${bColleague.userId}`, { role: 'viewer' }],
      ['DELETE', `/projects/${bProject}/members/${bColleague.userId}`, undefined],
    ] as const;

  it('answers 404 RESOURCE_NOT_FOUND on every route, exactly as for an unknown id', async () => {
    for (const [method, path, body] of attempts()) {
      const res = await h.call(a, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error?.code).toBe('RESOURCE_NOT_FOUND');
      const text = JSON.stringify(res.body);
      expect(text).not.toContain('Secret B');
      expect(text).not.toContain(bColleague.userId);

      const unknown = await h.call(a, method, path.replace(bProject, crypto.randomUUID()), body);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error?.code).toBe(res.body.error?.code);
      expect(unknown.body.error?.message).toBe(res.body.error?.message);
    }
  });

  it('changed nothing in the other organization', async () => {
    const [row] = await h.db.orm.select().from(projects).where(eq(projects.id, bProject));
    expect(row).toMatchObject({ name: 'Secret B', organizationId: b.organizationId });
    const members = await h.db.orm
      .select()
      .from(projectMembers)
      .where(eq(projectMembers.projectId, bProject));
    expect(members.map((m) => [m.userId, m.role]).sort()).toEqual(
      [
        [b.userId, 'owner'],
        [bColleague.userId, 'editor'],
      ].sort(),
    );
  });

  it('lists only the caller’s organization', async () => {
    await h.call(a, 'POST', '/projects', { name: 'Mine A', type: 'api' });
    const listA = await h.call(a, 'GET', '/projects');
    expect((listA.body.data as { name: string }[]).map((p) => p.name)).toEqual(['Mine A']);
    const listB = await h.call(b, 'GET', '/projects');
    expect((listB.body.data as { name: string }[]).map((p) => p.name)).toEqual(['Secret B']);
  });

  it('does not let a user in both organizations reach B’s project while acting in A', async () => {
    // bColleague is an editor of B's project; as an owner of A acting in A, the project is still not there.
    await h.db.orm
      .insert(organizationMembers)
      .values({ organizationId: a.organizationId, userId: bColleague.userId, role: 'owner' });
    const inA: TActorContext = { ...bColleague, organizationId: a.organizationId, orgRole: 'owner' };
    expect((await h.call(inA, 'GET', `/projects/${bProject}`)).status).toBe(404);
    expect((await h.call(inA, 'PATCH', `/projects/${bProject}`, { name: 'x' })).status).toBe(404);
    expect((await h.call(bColleague, 'PATCH', `/projects/${bProject}`, { name: 'Still B' })).status).toBe(
      200,
    );
  });
});
