import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TActorContext } from '../actor.ts';
import { seedMember } from '../identity.test-kit.ts';
import { createProjectsHarness, type TProjectsHarness } from './projects.test-kit.ts';

type TProjectBody = { id: string; ownerId: string; organizationId: string; name: string; updatedAt: string };

describe('projects CRUD over /api/v1/projects', () => {
  let h: TProjectsHarness;
  let owner: TActorContext;
  let designer: TActorContext & { email: string };
  let developer: TActorContext;
  let viewer: TActorContext;
  let admin: TActorContext;

  const create = async (actor: TActorContext, name = 'Site') => {
    const res = await h.call(actor, 'POST', '/projects', { name, type: 'web-app' });
    expect(res.status).toBe(201);
    return res.body as unknown as TProjectBody;
  };

  beforeAll(async () => {
    h = await createProjectsHarness();
    owner = await seedMember(h.db, { role: 'owner' });
    const organizationId = owner.organizationId;
    designer = await seedMember(h.db, { role: 'designer', organizationId });
    developer = await seedMember(h.db, { role: 'developer', organizationId });
    viewer = await seedMember(h.db, { role: 'viewer', organizationId });
    admin = await seedMember(h.db, { role: 'admin', organizationId });
  });
  afterAll(() => h.close());

  it('creates a project owned by the caller, who becomes its owner member', async () => {
    const res = await h.call(designer, 'POST', '/projects', {
      name: '  Landing page ',
      description: 'Spring campaign',
      type: 'content',
      config: { theme: { dark: true } },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Landing page',
      description: 'Spring campaign',
      type: 'content',
      config: { theme: { dark: true } },
      ownerId: designer.userId,
      organizationId: designer.organizationId,
    });
    const id = res.body.id as string;
    const members = await h.call(designer, 'GET', `/projects/${id}/members`);
    expect(members.body.data).toEqual([
      expect.objectContaining({ userId: designer.userId, role: 'owner', email: designer.email }),
    ]);
  });

  it('reads, updates partially and deletes', async () => {
    const project = await create(owner, 'Original');
    const got = await h.call(viewer, 'GET', `/projects/${project.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(project);

    const patched = await h.call(owner, 'PATCH', `/projects/${project.id}`, { description: 'now described' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Original', description: 'now described', type: 'web-app' });
    expect(Date.parse(patched.body.updatedAt as string)).toBeGreaterThanOrEqual(
      Date.parse(project.updatedAt),
    );

    const cleared = await h.call(owner, 'PATCH', `/projects/${project.id}`, {
      description: null,
      name: 'Renamed',
    });
    expect(cleared.body).toMatchObject({ name: 'Renamed', description: null });

    const deleted = await h.call(owner, 'DELETE', `/projects/${project.id}`);
    expect(deleted.status).toBe(204);
    expect((await h.call(owner, 'GET', `/projects/${project.id}`)).status).toBe(404);
    expect((await h.call(owner, 'DELETE', `/projects/${project.id}`)).status).toBe(404);
  });

  it('lets a viewer read but not create (403), and a designer create', async () => {
    const refused = await h.call(viewer, 'POST', '/projects', { name: 'Nope', type: 'api' });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('INSUFFICIENT_PERMISSIONS');
    await create(designer, 'Designer made');
  });

  it('lets a developer update their own project, and anyone’s (developer role), but a designer only their own', async () => {
    const mine = await create(developer, 'Dev own');
    expect((await h.call(developer, 'PATCH', `/projects/${mine.id}`, { name: 'Dev own 2' })).status).toBe(
      200,
    );
    const designers = await create(designer, 'Designer own');
    expect((await h.call(designer, 'PATCH', `/projects/${designers.id}`, { name: 'x' })).status).toBe(200);
    const refused = await h.call(designer, 'PATCH', `/projects/${mine.id}`, { name: 'taken over' });
    expect(refused.status).toBe(403);
    expect((await h.call(owner, 'GET', `/projects/${mine.id}`)).body.name).toBe('Dev own 2');
  });

  it('deletes only as admin or the project’s owner', async () => {
    const p = await create(designer, 'To delete');
    expect((await h.call(developer, 'DELETE', `/projects/${p.id}`)).status).toBe(403);
    expect((await h.call(designer, 'DELETE', `/projects/${p.id}`)).status).toBe(204);
    const q = await create(designer, 'Admin deletes');
    expect((await h.call(admin, 'DELETE', `/projects/${q.id}`)).status).toBe(204);
  });

  it('lets a project editor who is an organization viewer update that project and no other', async () => {
    const theirs = await create(owner, 'Edited by a viewer');
    const other = await create(owner, 'Not theirs');
    expect((await h.call(viewer, 'PATCH', `/projects/${theirs.id}`, { name: 'x' })).status).toBe(403);
    const added = await h.call(owner, 'POST', `/projects/${theirs.id}/members`, {
      userId: viewer.userId,
      role: 'editor',
    });
    expect(added.status).toBe(201);
    const ok = await h.call(viewer, 'PATCH', `/projects/${theirs.id}`, { name: 'Edited' });
    expect(ok.status).toBe(200);
    expect(ok.body.name).toBe('Edited');
    expect((await h.call(viewer, 'PATCH', `/projects/${other.id}`, { name: 'x' })).status).toBe(403);
    // Editing is not deleting: the project role gives no delete.
    expect((await h.call(viewer, 'DELETE', `/projects/${theirs.id}`)).status).toBe(403);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const unknown = crypto.randomUUID();
    for (const method of ['GET', 'DELETE'] as const) {
      const res = await h.call(owner, method, `/projects/${unknown}`);
      expect(res.status).toBe(404);
      expect(res.body.error?.code).toBe('RESOURCE_NOT_FOUND');
    }
    expect((await h.call(owner, 'PATCH', `/projects/${unknown}`, { name: 'x' })).status).toBe(404);
    for (const method of ['GET', 'DELETE'] as const) {
      const res = await h.call(owner, method, '/projects/not-a-uuid');
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('VALIDATION_ERROR');
    }
    expect((await h.call(owner, 'PATCH', '/projects/123', { name: 'x' })).status).toBe(400);
  });

  it.each([
    ['no name', { type: 'api' }, 'json.name'],
    ['an empty name', { name: '   ', type: 'api' }, 'json.name'],
    ['a name of 201 characters', { name: 'n'.repeat(201), type: 'api' }, 'json.name'],
    ['a name that is a number', { name: 42, type: 'api' }, 'json.name'],
    [
      'a description of 5001 characters',
      { name: 'a', type: 'api', description: 'd'.repeat(5001) },
      'json.description',
    ],
    ['an unknown type', { name: 'a', type: 'spaceship' }, 'json.type'],
    ['config that is an array', { name: 'a', type: 'api', config: [1, 2] }, 'json.config'],
    ['config that is a string', { name: 'a', type: 'api', config: 'x' }, 'json.config'],
    ['config over 64 kB', { name: 'a', type: 'api', config: { big: 'x'.repeat(64 * 1024) } }, 'json.config'],
    ['an unknown field', { name: 'a', type: 'api', ownerId: crypto.randomUUID() }, 'json'],
  ])('refuses a create body with %s (400)', async (_label, body, field) => {
    const res = await h.call(owner, 'POST', '/projects', body);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('VALIDATION_ERROR');
    const details = (res.body.error as unknown as { details: { field: string }[] }).details;
    expect(details.map((d) => d.field)).toContain(field);
  });

  it('accepts a name of exactly 200 characters and config just under 64 kB', async () => {
    const res = await h.call(owner, 'POST', '/projects', {
      name: 'n'.repeat(200),
      type: 'other',
      config: { big: 'x'.repeat(64 * 1024 - 20) },
    });
    expect(res.status).toBe(201);
  });

  it.each([
    ['an empty body', {}],
    ['an unknown field', { owner: 'me' }],
    ['a null name', { name: null }],
    ['config that is null', { config: null }],
    ['type as a number', { type: 3 }],
  ])('refuses an update with %s (400)', async (_label, body) => {
    const p = await create(owner, 'Patch target');
    const res = await h.call(owner, 'PATCH', `/projects/${p.id}`, body);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('VALIDATION_ERROR');
  });

  it('refuses malformed JSON (400)', async () => {
    const res = await h.call(owner, 'POST', '/projects', '{"name":');
    expect(res.status).toBe(400);
  });
});
