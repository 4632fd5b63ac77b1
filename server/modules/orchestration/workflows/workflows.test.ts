import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZErrorEnvelopeSchema } from '../../../../contracts/errors.ts';
import { domainEvents } from '../../../platform/events/index.ts';
import {
  startOrchestrationWorld,
  type TOrchestrationWorld,
} from '../../../testing/orchestration-world.test-kit.ts';

const def = (prompt = 'Write about {{ input.topic }}') => ({
  input: { type: 'object', properties: { topic: { type: 'string' } } },
  steps: [
    { id: 'draft', type: 'llm', prompt },
    {
      id: 'shout',
      type: 'transform',
      dependsOn: ['draft'],
      code: 'return String(steps.draft.output).toUpperCase()',
    },
  ],
});
const errorOf = (r: { body: unknown }) => ZErrorEnvelopeSchema.parse(r.body).error;
const GHOST = '00000000-0000-4000-8000-000000000000';

describe('workflow routes', () => {
  let w: TOrchestrationWorld;
  beforeAll(async () => {
    w = await startOrchestrationWorld();
  }, 60_000);
  afterAll(async () => w?.s.stop());

  it('creates a workflow at version 1, reads it and emits workflow.created', async () => {
    const created = await w.api(w.developer, 'POST', '/workflows', {
      name: 'Blog',
      description: 'd',
      definition: def(),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Blog',
      currentVersion: 1,
      status: 'active',
      definition: def(),
    });
    const got = await w.api(w.viewer, 'GET', `/workflows/${created.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created.body);
    const events = await w.s.platform.db.orm
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.aggregateId, created.body.id), eq(domainEvents.type, 'workflow.created')));
    expect(events).toHaveLength(1);
    expect(events[0]?.userId).toBe(w.developer.userId);
  });

  it('saves versions that become current, lists and reads them, rolls back', async () => {
    const { body: wf } = await w.api(w.owner, 'POST', '/workflows', {
      name: 'Versioned',
      definition: def('v1 {{ input.topic }}'),
    });
    const v2 = await w.api(w.developer, 'POST', `/workflows/${wf.id}/versions`, {
      definition: def('v2 {{ input.topic }}'),
    });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ workflowId: wf.id, version: 2 });
    const now = await w.api(w.owner, 'GET', `/workflows/${wf.id}`);
    expect(now.body.currentVersion).toBe(2);
    expect(now.body.definition.steps[0].prompt).toBe('v2 {{ input.topic }}');
    const list = await w.api(w.viewer, 'GET', `/workflows/${wf.id}/versions?limit=1`);
    expect(list.body.data.map((v: { version: number }) => v.version)).toEqual([2]);
    expect(list.body.pagination).toEqual({ total: 2, limit: 1, offset: 0, hasNext: true, hasPrev: false });
    const v1 = await w.api(w.viewer, 'GET', `/workflows/${wf.id}/versions/1`);
    expect(v1.body.definition.steps[0].prompt).toBe('v1 {{ input.topic }}');
    expect((await w.api(w.viewer, 'GET', `/workflows/${wf.id}/versions/9`)).status).toBe(404);
    expect((await w.api(w.viewer, 'GET', `/workflows/${wf.id}/versions/zero`)).status).toBe(400);
    const back = await w.api(w.owner, 'PATCH', `/workflows/${wf.id}`, { currentVersion: 1, name: 'Renamed' });
    expect(back.body).toMatchObject({ currentVersion: 1, name: 'Renamed' });
    const bad = await w.api(w.owner, 'PATCH', `/workflows/${wf.id}`, { currentVersion: 7 });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).details).toEqual([{ field: 'currentVersion', message: 'No such version' }]);
    const updates = await w.s.platform.db.orm
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.aggregateId, wf.id), eq(domainEvents.type, 'workflow.updated')));
    expect(updates.map((e) => (e.payload as { changed: string[] }).changed)).toEqual(
      expect.arrayContaining([['definition'], ['name', 'currentVersion']]),
    );
  });

  it('numbers concurrent version saves one after the other', async () => {
    const { body: wf } = await w.api(w.owner, 'POST', '/workflows', { name: 'Busy', definition: def() });
    const saves = await Promise.all(
      [1, 2, 3].map((i) =>
        w.api(w.owner, 'POST', `/workflows/${wf.id}/versions`, {
          definition: def(`v${i} {{ input.topic }}`),
        }),
      ),
    );
    expect(saves.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(saves.map((r) => r.body.version).sort()).toEqual([2, 3, 4]);
    expect((await w.api(w.owner, 'GET', `/workflows/${wf.id}`)).body.currentVersion).toBe(4);
  });

  it('refuses cyclic, dangling and malformed definitions with 422 and pointed details', async () => {
    const cyclic = await w.api(w.owner, 'POST', '/workflows', {
      name: 'Loop',
      definition: {
        steps: [
          { id: 'a', type: 'delay', ms: 1, dependsOn: ['b'] },
          { id: 'b', type: 'delay', ms: 1, dependsOn: ['a'] },
        ],
      },
    });
    expect(cyclic.status).toBe(422);
    expect(errorOf(cyclic)).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ step: 'a', field: 'dependsOn', message: 'Cycle: a → b → a' }],
    });
    const dangling = await w.api(w.owner, 'POST', '/workflows', {
      name: 'Dangling',
      definition: {
        steps: [{ id: 'fetch', type: 'http', method: 'GET', url: 'https://x.test', dependsOn: ['nowhere'] }],
      },
    });
    expect(dangling.status).toBe(422);
    expect(errorOf(dangling).details).toEqual([
      { step: 'fetch', field: 'dependsOn', message: 'Unknown step "nowhere"' },
    ]);
    const missing = await w.api(w.owner, 'POST', '/workflows', {
      name: 'Missing',
      definition: { steps: [{ id: 'fetch', type: 'http', method: 'GET' }] },
    });
    expect(errorOf(missing).details).toEqual([{ step: 'fetch', field: 'url', message: 'Required' }]);
    const { body: wf } = await w.api(w.owner, 'POST', '/workflows', { name: 'Ok', definition: def() });
    const badVersion = await w.api(w.owner, 'POST', `/workflows/${wf.id}/versions`, {
      definition: {
        steps: [
          { id: 'x', type: 'llm', prompt: '{{ steps.y.output }}' },
          { id: 'y', type: 'llm', prompt: 'y' },
        ],
      },
    });
    expect(badVersion.status).toBe(422);
    expect(errorOf(badVersion).details[0]).toMatchObject({ step: 'x', field: 'prompt' });
    const self = await w.api(w.owner, 'POST', `/workflows/${wf.id}/versions`, {
      definition: { steps: [{ id: 'again', type: 'workflow', workflowId: wf.id }] },
    });
    expect(errorOf(self).details).toEqual([
      { step: 'again', field: 'workflowId', message: 'A workflow cannot run itself' },
    ]);
    expect((await w.api(w.owner, 'GET', `/workflows/${wf.id}`)).body.currentVersion).toBe(1);
    const malformed = await w.api(w.owner, 'POST', '/workflows', '{"name": "x", ', true);
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed).code).toBe('VALIDATION_ERROR');
    const wrongTypes = await w.api(w.owner, 'POST', '/workflows', { name: 5, definition: [], extra: 1 });
    expect(wrongTypes.status).toBe(400);
    expect(errorOf(wrongTypes).details.map((d) => d.field)).toEqual(
      expect.arrayContaining(['json.name', 'json.definition']),
    );
  });

  it('answers 404 for another tenant’s and unknown ids, and refuses their ids inside definitions', async () => {
    const { body: mine } = await w.api(w.owner, 'POST', '/workflows', { name: 'Mine', definition: def() });
    for (const [method, path, body] of [
      ['GET', `/workflows/${mine.id}`],
      ['PATCH', `/workflows/${mine.id}`, { name: 'stolen' }],
      ['DELETE', `/workflows/${mine.id}`],
      ['GET', `/workflows/${mine.id}/versions`],
      ['GET', `/workflows/${mine.id}/versions/1`],
      ['POST', `/workflows/${mine.id}/versions`, { definition: def() }],
      ['GET', `/workflows/${GHOST}`],
    ] as const) {
      const r = await w.api(w.stranger, method, path, body);
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(errorOf(r).code).toBe('RESOURCE_NOT_FOUND');
    }
    expect((await w.api(w.stranger, 'GET', '/workflows/not-a-uuid')).status).toBe(400);
    const sub = await w.api(w.stranger, 'POST', '/workflows', {
      name: 'Steal',
      definition: { steps: [{ id: 'call', type: 'workflow', workflowId: mine.id }] },
    });
    expect(sub.status).toBe(422);
    expect(errorOf(sub).details).toEqual([
      { step: 'call', field: 'workflowId', message: `Unknown workflow "${mine.id}"` },
    ]);
    const project = await w.api(w.stranger, 'POST', '/workflows', {
      name: 'P',
      projectId: GHOST,
      definition: def(),
    });
    expect(project.status).toBe(404);
    expect((await w.api(w.owner, 'GET', `/workflows/${mine.id}`)).body.name).toBe('Mine');
  });

  it('lets a viewer read but not write', async () => {
    const { body: wf } = await w.api(w.owner, 'POST', '/workflows', { name: 'Guarded', definition: def() });
    for (const [method, path, body] of [
      ['POST', '/workflows', { name: 'x', definition: def() }],
      ['PATCH', `/workflows/${wf.id}`, { name: 'x' }],
      ['DELETE', `/workflows/${wf.id}`],
      ['POST', `/workflows/${wf.id}/versions`, { definition: def() }],
      ['POST', '/workflows/from-template', { templateId: 'dev-pipeline', name: 'x' }],
    ] as const) {
      const r = await w.api(w.viewer, method, path, body);
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(errorOf(r).code).toBe('INSUFFICIENT_PERMISSIONS');
    }
    expect((await w.api(w.viewer, 'GET', `/workflows/${wf.id}`)).status).toBe(200);
    expect((await w.api(null, 'GET', '/workflows')).status).toBe(401);
  });

  it('archives on DELETE: hidden from the list, no new versions, restorable', async () => {
    const { body: wf } = await w.api(w.owner, 'POST', '/workflows', {
      name: 'Archive me',
      definition: def(),
    });
    expect((await w.api(w.owner, 'DELETE', `/workflows/${wf.id}`)).status).toBe(204);
    expect((await w.api(w.owner, 'DELETE', `/workflows/${wf.id}`)).status).toBe(204);
    const active = await w.api(w.owner, 'GET', '/workflows?name=archive%20me');
    expect(active.body.data).toEqual([]);
    const archived = await w.api(w.owner, 'GET', '/workflows?name=ARCHIVE&status=archived');
    expect(archived.body.data.map((x: { id: string }) => x.id)).toEqual([wf.id]);
    const save = await w.api(w.owner, 'POST', `/workflows/${wf.id}/versions`, { definition: def() });
    expect(save.status).toBe(409);
    const restored = await w.api(w.owner, 'PATCH', `/workflows/${wf.id}`, { status: 'active' });
    expect(restored.body.status).toBe('active');
  });

  it('lists with pagination, sort, order and a name filter', async () => {
    const owner = w.stranger;
    for (const name of ['b-sorted', 'A-sorted', 'c-sorted']) {
      expect((await w.api(owner, 'POST', '/workflows', { name, definition: def() })).status).toBe(201);
    }
    const page = await w.api(owner, 'GET', '/workflows?name=sorted&sort=name&order=asc&limit=2');
    expect(page.body.data.map((x: { name: string }) => x.name)).toEqual(['A-sorted', 'b-sorted']);
    expect(page.body.pagination).toEqual({ total: 3, limit: 2, offset: 0, hasNext: true, hasPrev: false });
    const next = await w.api(owner, 'GET', '/workflows?name=sorted&sort=name&order=asc&limit=2&offset=2');
    expect(next.body.data.map((x: { name: string }) => x.name)).toEqual(['c-sorted']);
    expect((await w.api(owner, 'GET', '/workflows?limit=1000')).status).toBe(400);
    expect((await w.api(owner, 'GET', '/workflows?sort=secret')).status).toBe(400);
  });

  it('documents every workflow and agent operation with its permission in the OpenAPI document', async () => {
    const doc = await w.api(null, 'GET', '/openapi.json');
    expect(doc.status).toBe(200);
    const ops = Object.entries(doc.body.paths as Record<string, Record<string, { 'x-permission'?: string }>>)
      .filter(([path]) => path.includes('/workflows') || path.includes('/agents'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([m, o]) => `${m} ${path} ${o['x-permission']}`),
      );
    expect(ops).toEqual(
      expect.arrayContaining([
        'get /api/v1/workflows/templates workflow:read',
        'post /api/v1/workflows/{id}/versions workflow:update',
        'get /api/v1/workflows/{id}/versions/{version} workflow:read',
        'delete /api/v1/workflows/{id} workflow:delete',
        'get /api/v1/agents/{id}/performance agent:read',
        'post /api/v1/agents agent:create',
      ]),
    );
    expect(ops.filter((o) => o.endsWith('undefined'))).toEqual([]);
  });

  it('lists templates and creates a workflow from one', async () => {
    const list = await w.api(w.viewer, 'GET', '/workflows/templates');
    expect(list.status).toBe(200);
    expect(list.body.data.map((t: { id: string }) => t.id)).toEqual([
      'blog-to-social',
      'content-campaign',
      'product-launch',
      'dev-pipeline',
    ]);
    const made = await w.api(w.developer, 'POST', '/workflows/from-template', {
      templateId: 'dev-pipeline',
      name: 'My app',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'My app', currentVersion: 1 });
    expect(made.body.definition).toEqual(list.body.data[3].definition);
    const unknown = await w.api(w.developer, 'POST', '/workflows/from-template', {
      templateId: 'nope',
      name: 'x',
    });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown).message).toBe('Workflow template not found');
  });
});
