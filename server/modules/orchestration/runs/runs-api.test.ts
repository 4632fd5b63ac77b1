import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  memberWithKey,
  parseSse,
  startTestServer,
  type TestServer,
} from '../../../testing/api.test-kit.ts';
import { workflows, workflowVersions } from '../schema.ts';
import type { TWorkflowDefinition } from '../types.ts';

let s: TestServer;

// The server's own engine and routes (server/modules.ts); llm steps answer with the built-in local model.
beforeAll(async () => {
  s = await startTestServer();
}, 60_000);
afterAll(async () => {
  await s?.stop();
}, 60_000);

async function workflow(organizationId: string, definition: TWorkflowDefinition) {
  const [wf] = await s.platform.db.orm
    .insert(workflows)
    .values({ organizationId, name: crypto.randomUUID() })
    .returning();
  await s.platform.db.orm
    .insert(workflowVersions)
    .values({ organizationId, workflowId: wf!.id, version: 1, definition: definition as never });
  return wf!.id;
}

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met: ${JSON.stringify(v).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('runs and approvals API', () => {
  it('executes a workflow, shows the run with its steps, lists and streams its events', async () => {
    const m = await memberWithKey(s);
    const wf = await workflow(m.organizationId, {
      input: { type: 'object', required: ['topic'] },
      steps: [{ id: 'write', type: 'llm', prompt: 'on {{ input.topic }}' }],
    });
    const started = await call(s, m, 'POST', `/api/v1/workflows/${wf}/execute`, { input: { topic: 'bees' } });
    expect(started.status).toBe(202);
    const runId = started.body.runId as string;
    const run = await until(
      () => call(s, m, 'GET', `/api/v1/runs/${runId}`),
      (r) => r.body.status === 'succeeded',
    );
    expect(run.body).toMatchObject({ workflowId: wf, trigger: 'manual' });
    expect(run.body.tokens).toBeGreaterThan(0);
    expect(run.body.output.write.text).toContain('bees');
    expect(run.body.output.write.provider).toBe('local');
    expect(run.body.steps[0]).toMatchObject({
      stepId: 'write',
      status: 'succeeded',
      attempts: 1,
      input: { prompt: 'on bees' },
      tokens: run.body.tokens,
    });
    expect(run.body.steps[0].durationMs).toBeGreaterThanOrEqual(0);
    // The history has every field of SPEC §5 per step: input, output, attempts, logs, tokens, cost, timing.
    expect(run.body.steps[0]).toMatchObject({
      output: { text: expect.stringContaining('bees') },
      logs: expect.any(Array),
      cost: expect.any(Number),
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
    });

    const list = await call(s, m, 'GET', `/api/v1/runs?workflowId=${wf}&status=succeeded&limit=5`);
    expect(list.body.data.map((r: { id: string }) => r.id)).toEqual([runId]);
    expect(list.body.pagination).toMatchObject({ total: 1, limit: 5, hasNext: false });

    const sse = await fetch(`${s.url}/api/v1/runs/${runId}/events`, {
      headers: { authorization: `Bearer ${m.key}` },
    });
    const events = parseSse(await sse.text());
    const names = events.map((e) => e.event);
    // step started → tokens → step finished → run finished, in that order.
    expect(names.indexOf('step.started')).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('step.tokens')).toBeGreaterThan(names.indexOf('step.started'));
    expect(names.indexOf('step.finished')).toBeGreaterThan(names.indexOf('step.tokens'));
    expect(events.at(-1)?.event).toBe('run.finished');
    const firstSeq = events[0]!.data.seq as number;
    const resumed = await fetch(`${s.url}/api/v1/runs/${runId}/events`, {
      headers: { authorization: `Bearer ${m.key}`, 'last-event-id': String(firstSeq) },
    });
    const rest = parseSse(await resumed.text());
    expect(rest.length).toBe(events.length - 1);
    expect(rest[0]?.data.seq).toBeGreaterThan(firstSeq);

    expect((await call(s, m, 'POST', `/api/v1/runs/${runId}/cancel`)).body.error.code).toBe('CONFLICT');
  });

  it('follows a run live over SSE while an approval holds it, and decides the approval through the API', async () => {
    const m = await memberWithKey(s);
    const wf = await workflow(m.organizationId, {
      steps: [
        { id: 'ok', type: 'approval', message: 'Ship it?' },
        { id: 'after', type: 'llm', prompt: 'done', dependsOn: ['ok'] },
      ],
    });
    const { body } = await call(s, m, 'POST', `/api/v1/workflows/${wf}/execute`, { input: {} });
    const stream = fetch(`${s.url}/api/v1/runs/${body.runId}/events`, {
      headers: { authorization: `Bearer ${m.key}` },
    }).then((r) => r.text());
    const pending = await until(
      () => call(s, m, 'GET', `/api/v1/approvals?runId=${body.runId}`),
      (r) => r.body.data?.length === 1,
    );
    const approval = pending.body.data[0];
    expect(approval).toMatchObject({ status: 'pending', message: 'Ship it?', workflowId: wf, stepId: 'ok' });
    const other = await memberWithKey(s);
    expect(
      (await call(s, other, 'POST', `/api/v1/approvals/${approval.id}/decide`, { decision: 'approved' }))
        .status,
    ).toBe(404);
    expect(
      (await call(s, m, 'POST', `/api/v1/approvals/${approval.id}/decide`, { decision: 'maybe' })).status,
    ).toBe(400);
    const decided = await call(s, m, 'POST', `/api/v1/approvals/${approval.id}/decide`, {
      decision: 'approved',
      comment: 'go',
    });
    expect(decided.body).toMatchObject({ status: 'approved', comment: 'go', decidedBy: m.userId });
    const events = parseSse(await stream);
    const names = events.map((e) => e.event);
    expect(names).toContain('approval.requested');
    expect(names.indexOf('approval.decided')).toBeGreaterThan(names.indexOf('approval.requested'));
    expect(events.at(-1)?.data).toMatchObject({ type: 'run.finished', data: { status: 'succeeded' } });
    const seqs = events.map((e) => e.data.seq as number);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('fails a transform that loops forever or allocates without bound, cleanly, and keeps running others', async () => {
    const m = await memberWithKey(s);
    const wf = await workflow(m.organizationId, {
      steps: [
        { id: 'spin', type: 'transform', code: 'for (;;) {}', timeoutMs: 1500, onError: 'continue' },
        {
          id: 'hog',
          type: 'transform',
          code: 'const a = []; for (;;) a.push("z".repeat(4096) + a.length);',
          memoryLimitMb: 16,
          timeoutMs: 5000,
          onError: 'continue',
          // After spin: its sandbox thread is then warm, so the 5 s are the code's own.
          dependsOn: ['spin'],
        },
        { id: 'after', type: 'transform', code: 'return 6 * 7', dependsOn: ['spin', 'hog'] },
      ],
    });
    const { body } = await call(s, m, 'POST', `/api/v1/workflows/${wf}/execute`, { input: {} });
    const run = await until(
      () => call(s, m, 'GET', `/api/v1/runs/${body.runId}`),
      (r) => ['succeeded', 'failed'].includes(r.body.status),
      60_000,
    );
    const steps = new Map(run.body.steps.map((x: { stepId: string }) => [x.stepId, x]));
    expect(steps.get('spin')).toMatchObject({ status: 'failed', error: expect.stringMatching(/time/i) });
    expect(steps.get('hog')).toMatchObject({ status: 'failed', error: expect.stringMatching(/memory/i) });
    expect(run.body).toMatchObject({ status: 'succeeded', output: { after: 42 } });
  });

  it('documents the orchestration API in OpenAPI, each operation with its permission', async () => {
    const doc = (await (await fetch(`${s.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { 'x-permission'?: string }>>;
    };
    const expected: [string, string, string][] = [
      ['get', '/api/v1/agents', 'agent:read'],
      ['post', '/api/v1/agents', 'agent:create'],
      ['get', '/api/v1/agents/{id}/performance', 'agent:read'],
      ['get', '/api/v1/workflows', 'workflow:read'],
      ['post', '/api/v1/workflows', 'workflow:create'],
      ['post', '/api/v1/workflows/{id}/execute', 'workflow:execute'],
      ['get', '/api/v1/runs', 'workflow:read'],
      ['get', '/api/v1/runs/{id}', 'workflow:read'],
      ['get', '/api/v1/runs/{id}/events', 'workflow:read'],
      ['post', '/api/v1/runs/{id}/cancel', 'workflow:execute'],
      ['get', '/api/v1/approvals', 'workflow:read'],
      ['post', '/api/v1/approvals/{id}/decide', 'workflow:execute'],
    ];
    for (const [method, path, permission] of expected)
      expect(doc.paths[path]?.[method]?.['x-permission'], `${method} ${path}`).toBe(permission);
  });

  it('refuses to run an archived workflow with 409 CONFLICT, and runs it again once restored', async () => {
    const m = await memberWithKey(s);
    const wf = await workflow(m.organizationId, { steps: [{ id: 'a', type: 'llm', prompt: 'x' }] });
    expect((await call(s, m, 'DELETE', `/api/v1/workflows/${wf}`)).status).toBe(204);
    const refused = await call(s, m, 'POST', `/api/v1/workflows/${wf}/execute`, { input: {} });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'CONFLICT',
      message: 'The workflow is archived; restore it to run it',
    });
    expect(refused.body.error.requestId).toEqual(expect.any(String));
    expect((await call(s, m, 'GET', `/api/v1/runs?workflowId=${wf}`)).body.data).toEqual([]);
    expect((await call(s, m, 'PATCH', `/api/v1/workflows/${wf}`, { status: 'active' })).status).toBe(200);
    expect((await call(s, m, 'POST', `/api/v1/workflows/${wf}/execute`, { input: {} })).status).toBe(202);
  });

  it('answers bad input, unknown ids, other tenants and missing permissions with the error envelope', async () => {
    const m = await memberWithKey(s);
    const wf = await workflow(m.organizationId, {
      input: { type: 'object', required: ['topic'] },
      steps: [{ id: 'a', type: 'llm', prompt: 'x' }],
    });
    const bad = await call(s, m, 'POST', `/api/v1/workflows/${wf}/execute`, { input: {} });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(bad.body.error.details[0].message).toMatch(/topic/);
    expect((await call(s, m, 'POST', `/api/v1/workflows/${wf}/execute`, '{"input":', true)).status).toBe(400);
    expect(
      (await call(s, m, 'POST', `/api/v1/workflows/${wf}/execute`, { input: {}, extra: 1 })).status,
    ).toBe(400);
    expect((await call(s, m, 'POST', '/api/v1/workflows/not-a-uuid/execute', { input: {} })).status).toBe(
      400,
    );
    expect(
      (await call(s, m, 'POST', `/api/v1/workflows/${crypto.randomUUID()}/execute`, { input: {} })).status,
    ).toBe(404);
    expect((await call(s, m, 'GET', `/api/v1/runs/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await call(s, m, 'GET', '/api/v1/runs?status=bogus')).status).toBe(400);
    expect((await call(s, m, 'GET', `/api/v1/runs/x/events`)).status).toBe(400);

    const { body } = await call(s, m, 'POST', `/api/v1/workflows/${wf}/execute`, { input: { topic: 't' } });
    const other = await memberWithKey(s);
    expect(
      (await call(s, other, 'POST', `/api/v1/workflows/${wf}/execute`, { input: { topic: 't' } })).status,
    ).toBe(404);
    expect((await call(s, other, 'GET', `/api/v1/runs/${body.runId}`)).status).toBe(404);
    expect((await call(s, other, 'GET', `/api/v1/runs/${body.runId}/events`)).status).toBe(404);
    expect((await call(s, other, 'POST', `/api/v1/runs/${body.runId}/cancel`)).status).toBe(404);
    expect((await call(s, other, 'GET', '/api/v1/runs')).body.data).toEqual([]);
    const badResume = await fetch(`${s.url}/api/v1/runs/${body.runId}/events`, {
      headers: { authorization: `Bearer ${m.key}`, 'last-event-id': 'abc' },
    });
    expect(badResume.status).toBe(400);

    const viewer = await memberWithKey(s, {
      organizationId: m.organizationId,
      role: 'viewer',
      scopes: ['read'],
    });
    const denied = await call(s, viewer, 'POST', `/api/v1/workflows/${wf}/execute`, {
      input: { topic: 't' },
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('INSUFFICIENT_PERMISSIONS');
    expect((await call(s, null, 'GET', '/api/v1/runs')).status).toBe(401);
  });
});
