// Project roles decide on orchestration resources (issue 13 finding 8): authentication does not load project
// memberships, so each operation reads the actor's role in the workflow's project after loading it. An
// organization viewer who edits a project may work on that project's workflows and runs, and on no others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberWithKey, type TMember } from '../../../testing/api.test-kit.ts';
import {
  startOrchestrationWorld,
  type TOrchestrationWorld,
} from '../../../testing/orchestration-world.test-kit.ts';
import { mintAccessToken } from '../../identity/index.ts';
import { projectMembers, projects } from '../../identity/schema.ts';

const held = { steps: [{ id: 'ok', type: 'approval', message: 'Go?' }] };

describe('project roles on workflows, runs, approvals and triggers', () => {
  let w: TOrchestrationWorld;
  /** An organization viewer who is an editor of project P, signed in (a JWT: no API key scope narrows it). */
  let editor: TMember;
  /** The organization viewer with no project role, signed in the same way. */
  let viewer: TMember;
  let inProject: string;
  let elsewhere: string;
  let projectId: string;

  beforeAll(async () => {
    w = await startOrchestrationWorld();
    const { db, keyring } = w.s.platform;
    const signIn = async (m: TMember): Promise<TMember> => ({
      ...m,
      key: await mintAccessToken({ db, keyring, actor: { ...m, authMethod: 'session' }, ttlSeconds: 600 }),
    });
    const [project] = await db.orm
      .insert(projects)
      .values({ organizationId: w.owner.organizationId, ownerId: w.owner.userId, name: 'P', type: 'web-app' })
      .returning();
    projectId = project!.id;
    const editorMember = await memberWithKey(w.s, {
      role: 'viewer',
      organizationId: w.owner.organizationId,
      scopes: ['read'],
    });
    await db.orm.insert(projectMembers).values({ projectId, userId: editorMember.userId, role: 'editor' });
    editor = await signIn(editorMember);
    viewer = await signIn(w.viewer);
    inProject = (await w.api(w.owner, 'POST', '/workflows', { name: 'In P', projectId, definition: held }))
      .body.id;
    elsewhere = (await w.api(w.owner, 'POST', '/workflows', { name: 'Elsewhere', definition: held })).body.id;
  }, 60_000);
  afterAll(async () => w?.s.stop());

  it('lets the project editor edit, version and add triggers to the project’s workflows only', async () => {
    expect((await w.api(editor, 'PATCH', `/workflows/${inProject}`, { description: 'edited' })).status).toBe(
      200,
    );
    expect(
      (await w.api(editor, 'POST', `/workflows/${inProject}/versions`, { definition: held })).status,
    ).toBe(201);
    const trigger = await w.api(editor, 'POST', `/workflows/${inProject}/triggers`, { kind: 'webhook' });
    expect(trigger.status).toBe(201);
    expect(
      (
        await w.api(editor, 'PATCH', `/workflows/${inProject}/triggers/${trigger.body.id}`, {
          enabled: false,
        })
      ).status,
    ).toBe(200);
    expect(
      (await w.api(editor, 'DELETE', `/workflows/${inProject}/triggers/${trigger.body.id}`)).status,
    ).toBe(204);
    const created = await w.api(editor, 'POST', '/workflows', {
      name: 'Mine in P',
      projectId,
      definition: held,
    });
    expect(created.status).toBe(201);

    for (const [method, path, body] of [
      ['PATCH', `/workflows/${elsewhere}`, { description: 'no' }],
      ['POST', `/workflows/${elsewhere}/versions`, { definition: held }],
      ['POST', `/workflows/${elsewhere}/triggers`, { kind: 'webhook' }],
      ['POST', '/workflows', { name: 'Outside P', definition: held }],
      // Moving a workflow out of reach is not editing it: the target needs the right to add workflows.
      ['PATCH', `/workflows/${created.body.id}`, { projectId: null }],
      // The catalogue lets owners and admins archive, not project editors.
      ['DELETE', `/workflows/${inProject}`],
    ] as const) {
      const r = await w.api(editor, method, path, body);
      expect(r.status, `${method} ${path}`).toBe(403);
    }
    // The same viewer without the project role edits nothing.
    expect((await w.api(viewer, 'PATCH', `/workflows/${inProject}`, { description: 'no' })).status).toBe(403);
  });

  it('lets the project editor run, follow, decide and cancel the project’s runs only', async () => {
    const started = await w.api(editor, 'POST', `/workflows/${inProject}/execute`, { input: {} });
    expect(started.status).toBe(202);
    const runId = started.body.runId as string;
    expect((await w.api(editor, 'POST', `/workflows/${elsewhere}/execute`, { input: {} })).status).toBe(403);
    expect((await w.api(viewer, 'POST', `/workflows/${inProject}/execute`, { input: {} })).status).toBe(403);

    expect((await w.api(editor, 'GET', `/runs/${runId}`)).status).toBe(200);
    expect((await w.api(editor, 'GET', `/runs?workflowId=${inProject}`)).body.data).toHaveLength(1);
    let pending = await w.api(editor, 'GET', `/approvals?runId=${runId}`);
    for (let i = 0; i < 100 && pending.body.data?.length !== 1; i++) {
      // The approval row appears once the engine reached the step (in the background).
      await new Promise((r) => setTimeout(r, 100));
      pending = await w.api(editor, 'GET', `/approvals?runId=${runId}`);
    }
    const approval = pending.body.data[0];
    expect(approval).toMatchObject({ runId, status: 'pending' });
    expect(
      (await w.api(viewer, 'POST', `/approvals/${approval.id}/decide`, { decision: 'approved' })).status,
    ).toBe(403);
    const decided = await w.api(editor, 'POST', `/approvals/${approval.id}/decide`, { decision: 'approved' });
    expect(decided.status).toBe(200);

    const again = (await w.api(editor, 'POST', `/workflows/${inProject}/execute`, { input: {} })).body.runId;
    expect((await w.api(viewer, 'POST', `/runs/${again}/cancel`)).status).toBe(403);
    expect((await w.api(editor, 'POST', `/runs/${again}/cancel`)).status).toBe(200);
    const theirs = (await w.api(w.owner, 'POST', `/workflows/${elsewhere}/execute`, { input: {} })).body
      .runId;
    expect((await w.api(editor, 'POST', `/runs/${theirs}/cancel`)).status).toBe(403);
    expect((await w.api(w.stranger, 'GET', `/runs/${runId}`)).status).toBe(404);
  });

  it('lets a developer delete their own agent but not another developer’s', async () => {
    const mine = await w.api(w.developer, 'POST', '/agents', {
      name: `Mine ${crypto.randomUUID().slice(0, 6)}`,
    });
    expect(mine.status).toBe(201);
    const other = await memberWithKey(w.s, {
      role: 'developer',
      organizationId: w.owner.organizationId,
      scopes: ['write'],
    });
    expect((await w.api(other, 'DELETE', `/agents/${mine.body.id}`)).status).toBe(403);
    expect((await w.api(w.developer, 'DELETE', `/agents/${mine.body.id}`)).status).toBe(204);
  });
});
