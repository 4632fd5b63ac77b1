import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../platform/events/index.ts';
import { domainEvents } from '../../../platform/events/index.ts';
import type { TActorContext } from '../actor.ts';
import { seedMember } from '../identity.test-kit.ts';
import { projects } from '../schema.ts';
import { createProject } from './create-project.ts';
import { ProjectCreated } from './project-events.ts';
import { createProjectsHarness, type TProjectsHarness } from './projects.test-kit.ts';

describe('project events', () => {
  let h: TProjectsHarness;
  let owner: TActorContext;
  let colleague: TActorContext;
  const stored = (aggregateId: string) =>
    h.db.orm
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.aggregateId, aggregateId))
      .orderBy(domainEvents.occurredAt);

  beforeAll(async () => {
    h = await createProjectsHarness();
    owner = await seedMember(h.db, { role: 'owner' });
    colleague = await seedMember(h.db, { role: 'viewer', organizationId: owner.organizationId });
  });
  afterAll(() => h.close());

  it('stores project.created with the webhook payload and delivers it after commit', async () => {
    const seen: { event: DomainEvent<unknown>; committed: boolean }[] = [];
    const off = h.events.subscribe(ProjectCreated, async (event) => {
      // Delivered after commit: the project is already visible outside the transaction.
      const rows = await h.db.orm.select().from(projects).where(eq(projects.id, event.payload.projectId));
      seen.push({ event, committed: rows.length === 1 });
    });
    const res = await h.call(owner, 'POST', '/projects', { name: 'Hooked', type: 'workflow' });
    await h.events.idle();
    off();
    const id = res.body.id as string;
    const payload = { projectId: id, name: 'Hooked', type: 'workflow', ownerId: owner.userId };

    const [row] = await stored(id);
    expect(row).toMatchObject({
      type: 'project.created',
      aggregateId: id,
      organizationId: owner.organizationId,
      userId: owner.userId,
      payload,
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ committed: true, event: { type: 'project.created', payload } });
  });

  it('emits nothing, stores nothing and leaves no project when the insert fails', async () => {
    const seen: unknown[] = [];
    const off = h.events.subscribeAll((e) => void seen.push(e));
    // A user id with no users row: the owner_id foreign key fails inside the transaction.
    const ghost: TActorContext = { ...owner, userId: crypto.randomUUID() };
    await expect(
      createProject({ events: h.events, actor: ghost, input: { name: 'Ghost', type: 'api' } }),
    ).rejects.toThrow();
    await h.events.idle();
    off();
    expect(seen).toEqual([]);
    expect(await h.db.orm.select().from(projects).where(eq(projects.name, 'Ghost'))).toEqual([]);
    const events = await h.db.orm.select().from(domainEvents).where(eq(domainEvents.userId, ghost.userId));
    expect(events).toEqual([]);
  });

  it('emits nothing when the caller may not create', async () => {
    const seen: unknown[] = [];
    const off = h.events.subscribeAll((e) => void seen.push(e));
    expect((await h.call(colleague, 'POST', '/projects', { name: 'Denied', type: 'api' })).status).toBe(403);
    await h.events.idle();
    off();
    expect(seen).toEqual([]);
  });

  it('records every change with the organization and the acting user', async () => {
    const id = (await h.call(owner, 'POST', '/projects', { name: 'Audited', type: 'api' })).body.id as string;
    await h.call(owner, 'PATCH', `/projects/${id}`, { name: 'Audited 2', config: { a: 1 } });
    await h.call(owner, 'POST', `/projects/${id}/members`, { userId: colleague.userId, role: 'editor' });
    await h.call(owner, 'PATCH', `/projects/${id}/members/${colleague.userId}`, { role: 'commenter' });
    await h.call(owner, 'DELETE', `/projects/${id}/members/${colleague.userId}`);
    await h.call(owner, 'DELETE', `/projects/${id}`);
    const rows = await stored(id);
    // By type, not by time: two events may share a millisecond.
    const byType = rows
      .map((r) => [r.type, r.payload])
      .sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    expect(byType).toEqual([
      ['project.created', { projectId: id, name: 'Audited', type: 'api', ownerId: owner.userId }],
      ['project.deleted', { projectId: id, name: 'Audited 2' }],
      ['project.member_added', { projectId: id, memberUserId: colleague.userId, role: 'editor' }],
      ['project.member_removed', { projectId: id, memberUserId: colleague.userId, role: 'commenter' }],
      [
        'project.member_role_changed',
        { projectId: id, memberUserId: colleague.userId, from: 'editor', to: 'commenter', permissions: {} },
      ],
      ['project.updated', { projectId: id, changed: ['config', 'name'] }],
    ]);
    for (const r of rows)
      expect(r).toMatchObject({ organizationId: owner.organizationId, userId: owner.userId });
  });

  it('records nothing for a refused or failed change', async () => {
    const id = (await h.call(owner, 'POST', '/projects', { name: 'Quiet', type: 'api' })).body.id as string;
    expect((await h.call(colleague, 'PATCH', `/projects/${id}`, { name: 'x' })).status).toBe(403);
    expect((await h.call(owner, 'DELETE', `/projects/${id}/members/${owner.userId}`)).status).toBe(409);
    expect(
      (await h.call(owner, 'POST', `/projects/${id}/members`, { userId: owner.userId, role: 'viewer' }))
        .status,
    ).toBe(409);
    const rows = await h.db.orm
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.aggregateId, id), eq(domainEvents.organizationId, owner.organizationId)));
    expect(rows.map((r) => r.type)).toEqual(['project.created']);
  });
});
