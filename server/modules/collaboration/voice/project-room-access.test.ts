import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollabRoutesHarness } from '../../../testing/collab-routes.test-kit.ts';
import { seedMember } from '../../identity/identity.test-kit.ts';
import type { TActorContext } from '../../identity/index.ts';
import { userNamesFromDb } from '../presence/user-names.ts';
import { projectRoomAccess } from './project-room-access.ts';

describe('projectRoomAccess and userNamesFromDb (real database)', () => {
  let h: Awaited<ReturnType<typeof createCollabRoutesHarness>>;
  let creator: TActorContext & { email: string };
  let client: TActorContext; // organization client, not a project member
  let outsider: TActorContext;
  let projectId: string;
  beforeAll(async () => {
    h = await createCollabRoutesHarness();
    creator = await seedMember(h.db, { role: 'designer' });
    client = await seedMember(h.db, { role: 'client', organizationId: creator.organizationId });
    outsider = await seedMember(h.db, { role: 'owner' });
    projectId = (await h.callProjects(creator, 'POST', '/projects', { name: 'P', type: 'web-app' })).body.id;
  });
  afterAll(() => h.close());

  it('admits whoever may read the project, and nobody from another tenant', async () => {
    const isMember = projectRoomAccess(h.db);
    expect(await isMember({ context: { actor: creator }, projectId })).toBe(true);
    expect(await isMember({ context: { actor: outsider }, projectId })).toBe(false);
    expect(await isMember({ context: { actor: creator }, projectId: randomUUID() })).toBe(false);
    expect(await isMember({ context: {}, projectId })).toBe(false);
    expect(await isMember({ context: undefined, projectId })).toBe(false);
  });

  it('follows project membership changes at once', async () => {
    const isMember = projectRoomAccess(h.db);
    const before = await isMember({ context: { actor: client }, projectId });
    await h.callProjects(creator, 'POST', `/projects/${projectId}/members`, {
      userId: client.userId,
      role: 'viewer',
    });
    expect(await isMember({ context: { actor: client }, projectId })).toBe(true);
    await h.callProjects(creator, 'DELETE', `/projects/${projectId}/members/${client.userId}`);
    expect(await isMember({ context: { actor: client }, projectId })).toBe(before);
  });

  it('names users from the users table, with a fallback for unknown ids', async () => {
    const nameOf = userNamesFromDb(h.db);
    expect(await nameOf(creator.userId)).toBe(creator.email);
    expect(await nameOf(randomUUID())).toBe('Someone');
  });
});
