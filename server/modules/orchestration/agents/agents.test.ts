import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZErrorEnvelopeSchema } from '../../../../contracts/errors.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { domainEvents } from '../../../platform/events/index.ts';
import {
  startOrchestrationWorld,
  type TOrchestrationWorld,
} from '../../../testing/orchestration-world.test-kit.ts';
import { aiRoutes } from '../../ai/index.ts';
import { seedMember } from '../../identity/identity.test-kit.ts';
import { agents, runSteps, workflowRuns } from '../schema.ts';
import { ensureDefaultAgents } from './ensure-default-agents.ts';

const errorOf = (r: { body: unknown }) => ZErrorEnvelopeSchema.parse(r.body).error;
const GHOST = '00000000-0000-4000-8000-000000000000';
const names = (r: { body: { data: { name: string }[] } }) => r.body.data.map((a) => a.name);

describe('agent routes', () => {
  let w: TOrchestrationWorld;
  beforeAll(async () => {
    w = await startOrchestrationWorld();
  }, 60_000);
  afterAll(async () => w?.s.stop());

  it('seeds the six default agents once, on the first list, as editable rows', async () => {
    const first = await w.api(w.viewer, 'GET', '/agents?limit=100');
    expect(first.status).toBe(200);
    expect(names(first)).toEqual([
      'Analyzer',
      'Automator',
      'Coordinator',
      'Creator',
      'Optimizer',
      'Researcher',
    ]);
    const researcher = first.body.data.find((a: { name: string }) => a.name === 'Researcher');
    expect(researcher).toMatchObject({
      type: 'researcher',
      isDefault: true,
      model: 'local',
      route: null,
      status: 'idle',
      capabilities: expect.arrayContaining(['research', 'analysis', 'summarization']),
      metrics: { runs: 0, successRate: null, p50LatencyMs: null, tokens: 0, cost: 0 },
    });
    expect((await w.api(w.owner, 'GET', '/agents')).body.pagination.total).toBe(6);
    // Concurrent first uses of a fresh organization seed it once.
    const fresh = await seedMember(w.s.platform.db);
    const seed = () =>
      ensureDefaultAgents({ events: w.s.platform.events, organizationId: fresh.organizationId });
    await Promise.all([seed(), seed(), seed()]);
    const rows = await w.s.platform.db.orm
      .select()
      .from(agents)
      .where(eq(agents.organizationId, fresh.organizationId));
    expect(rows.map((r) => r.name).sort()).toEqual([
      'Analyzer',
      'Automator',
      'Coordinator',
      'Creator',
      'Optimizer',
      'Researcher',
    ]);
    // A deleted default stays deleted: the seeding marker is in the audit trail, not in the agents table.
    expect((await w.api(w.owner, 'DELETE', `/agents/${researcher.id}`)).status).toBe(204);
    expect(names(await w.api(w.owner, 'GET', '/agents?limit=100'))).not.toContain('Researcher');
    const markers = await w.s.platform.db.orm
      .select()
      .from(domainEvents)
      .where(
        and(
          eq(domainEvents.organizationId, w.owner.organizationId),
          eq(domainEvents.type, 'agent.defaults_seeded'),
        ),
      );
    expect(markers).toHaveLength(1);
  });

  it('creates, reads, updates and deletes an agent', async () => {
    const created = await w.api(w.developer, 'POST', '/agents', {
      name: 'Poet',
      type: 'creator',
      capabilities: ['Writing', 'poetry', 'writing'],
      systemPrompt: 'Rhyme.',
      tools: [{ name: 'count_syllables', parameters: { type: 'object' } }],
      maxConcurrency: 4,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Poet',
      capabilities: ['writing', 'poetry'],
      model: 'local',
      status: 'idle',
      isDefault: false,
    });
    const id = created.body.id;
    expect((await w.api(w.viewer, 'GET', `/agents/${id}`)).body.name).toBe('Poet');
    const routed = await w.api(w.developer, 'PATCH', `/agents/${id}`, { route: 'nope' });
    expect(routed.status).toBe(400);
    expect(errorOf(routed).details).toEqual([
      { field: 'route', message: 'No AI route of this name in the organization' },
    ]);
    await withTenant(w.s.platform.db, w.owner.organizationId, (tx) =>
      tx.insert(aiRoutes).values({
        organizationId: w.owner.organizationId,
        name: 'fast',
        strategy: 'round-robin',
        targets: [{ provider: 'local', model: 'local' }],
      }),
    );
    const toRoute = await w.api(w.developer, 'PATCH', `/agents/${id}`, { route: 'fast', description: 'd' });
    expect(toRoute.body).toMatchObject({ route: 'fast', model: null, description: 'd' });
    const toModel = await w.api(w.developer, 'PATCH', `/agents/${id}`, { model: 'gpt-4o' });
    expect(toModel.body).toMatchObject({ route: null, model: 'gpt-4o' });
    expect(
      (await w.api(w.owner, 'GET', '/agents?capability=poetry')).body.data.map((a: { id: string }) => a.id),
    ).toEqual([id]);
    expect((await w.api(w.owner, 'GET', '/agents?type=creator&name=poe')).body.data).toHaveLength(1);
    expect((await w.api(w.owner, 'DELETE', `/agents/${id}`)).status).toBe(204);
    expect((await w.api(w.owner, 'GET', `/agents/${id}`)).status).toBe(404);
  });

  it('refuses bad input with clear errors', async () => {
    const both = await w.api(w.owner, 'POST', '/agents', { name: 'X', model: 'local', route: 'fast' });
    expect(both.status).toBe(400);
    expect(errorOf(both).details).toEqual([
      { field: 'json.route', message: 'Give a model or a route, not both' },
    ]);
    const types = await w.api(w.owner, 'POST', '/agents', {
      name: '',
      type: 'wizard',
      capabilities: ['no spaces'],
      maxConcurrency: 0,
      colour: 1,
    });
    expect(types.status).toBe(400);
    expect(errorOf(types).details.map((d) => d.field)).toEqual(
      expect.arrayContaining(['json.name', 'json.type', 'json.capabilities.0', 'json.maxConcurrency']),
    );
    expect((await w.api(w.owner, 'POST', '/agents', '{oops', true)).status).toBe(400);
    const dup = await w.api(w.owner, 'POST', '/agents', { name: 'Creator' });
    expect(dup.status).toBe(409);
    const { body: other } = await w.api(w.owner, 'POST', '/agents', { name: 'Other' });
    const rename = await w.api(w.owner, 'PATCH', `/agents/${other.id}`, { name: 'Creator' });
    expect(rename.status).toBe(409);
    expect((await w.api(w.owner, 'PATCH', `/agents/${other.id}`, {})).status).toBe(400);
    expect((await w.api(w.owner, 'GET', `/agents/${other.id}/performance?since=yesterday`)).status).toBe(400);
  });

  it('hides another tenant’s agents (404) and refuses a viewer’s writes (403)', async () => {
    const { body: mine } = await w.api(w.owner, 'POST', '/agents', { name: 'Private' });
    for (const [method, path, body] of [
      ['GET', `/agents/${mine.id}`],
      ['GET', `/agents/${mine.id}/performance`],
      ['PATCH', `/agents/${mine.id}`, { name: 'stolen' }],
      ['DELETE', `/agents/${mine.id}`],
      ['GET', `/agents/${GHOST}`],
    ] as const) {
      const r = await w.api(w.stranger, method, path, body);
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(errorOf(r).code).toBe('RESOURCE_NOT_FOUND');
    }
    expect(names(await w.api(w.stranger, 'GET', '/agents?limit=100'))).not.toContain('Private');
    for (const [method, path, body] of [
      ['POST', '/agents', { name: 'v' }],
      ['PATCH', `/agents/${mine.id}`, { name: 'v' }],
      ['DELETE', `/agents/${mine.id}`],
    ] as const) {
      expect((await w.api(w.viewer, method, path, body)).status, `${method} ${path}`).toBe(403);
    }
    // A pinned agent of another organization does not resolve in a definition.
    const pinned = await w.api(w.stranger, 'POST', '/workflows', {
      name: 'Pinned',
      definition: { steps: [{ id: 'go', type: 'agent', agentId: mine.id, prompt: 'hi' }] },
    });
    expect(pinned.status).toBe(422);
    expect(errorOf(pinned).details).toEqual([
      { step: 'go', field: 'agentId', message: `Unknown agent "${mine.id}"` },
    ]);
  });

  it('reports status and performance from the steps the agent ran', async () => {
    const { body: agent } = await w.api(w.owner, 'POST', '/agents', { name: 'Measured' });
    const org = w.owner.organizationId;
    const { body: wf } = await w.api(w.owner, 'POST', '/workflows', {
      name: 'Host',
      definition: { steps: [{ id: 'a', type: 'agent', agentId: agent.id, prompt: 'x' }] },
    });
    expect(wf.id).toBeDefined();
    const t0 = new Date('2026-01-01T00:00:00Z').getTime();
    const at = (ms: number) => new Date(t0 + ms);
    await withTenant(w.s.platform.db, org, async (tx) => {
      const [run] = await tx
        .insert(workflowRuns)
        .values({ organizationId: org, workflowId: wf.id, version: 1 })
        .returning();
      const step = (
        stepId: string,
        status: 'succeeded' | 'failed' | 'running',
        ms: number,
        finished: number | null,
      ) => ({
        organizationId: org,
        runId: run!.id,
        stepId,
        type: 'agent',
        status,
        agentId: agent.id,
        tokens: 100,
        cost: '0.01',
        startedAt: at(ms),
        finishedAt: finished === null ? null : at(finished),
      });
      await tx
        .insert(runSteps)
        .values([
          step('s1', 'succeeded', 0, 100),
          step('s2', 'succeeded', 1000, 1300),
          step('s3', 'failed', 2000, 2200),
        ]);
    });
    const perf = await w.api(w.viewer, 'GET', `/agents/${agent.id}/performance`);
    expect(perf.body).toMatchObject({
      agentId: agent.id,
      status: 'error',
      runs: 3,
      succeeded: 2,
      failed: 1,
      p50LatencyMs: 200,
      tokens: 300,
    });
    expect(perf.body.successRate).toBeCloseTo(2 / 3);
    expect(perf.body.cost).toBeCloseTo(0.03);
    await withTenant(w.s.platform.db, org, async (tx) => {
      const [run] = await tx.select().from(workflowRuns).where(eq(workflowRuns.workflowId, wf.id));
      await tx.insert(runSteps).values({
        organizationId: org,
        runId: run!.id,
        stepId: 's4',
        type: 'agent',
        status: 'running',
        agentId: agent.id,
        startedAt: new Date(),
      });
    });
    const busy = await w.api(w.viewer, 'GET', `/agents/${agent.id}`);
    expect(busy.body.status).toBe('busy');
    expect(busy.body.metrics.running).toBe(1);
    const recent = await w.api(w.viewer, 'GET', `/agents/${agent.id}/performance?since=2026-06-01T00:00:00Z`);
    expect(recent.body).toMatchObject({ runs: 0, running: 1, status: 'busy', since: '2026-06-01T00:00:00Z' });
  });
});
