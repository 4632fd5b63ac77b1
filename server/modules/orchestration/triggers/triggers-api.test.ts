import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { defineEvent } from '../../../platform/events/index.ts';
import type { PgBossQueue } from '../../../platform/queue/index.ts';
import { call, memberWithKey, startTestServer, type TestServer } from '../../../testing/api.test-kit.ts';
import { workflowRuns, workflows, workflowVersions } from '../schema.ts';

let s: TestServer;

// The server's own engine and triggers (server/modules.ts): the routes, the trigger job and the event listener
// are the ones every FlashFusion process runs; the workflows' llm steps answer with the built-in local model.
beforeAll(async () => {
  s = await startTestServer();
}, 60_000);
afterAll(async () => {
  await s?.stop();
}, 60_000);

async function workflow(organizationId: string) {
  const [wf] = await s.platform.db.orm
    .insert(workflows)
    .values({ organizationId, name: crypto.randomUUID() })
    .returning();
  await s.platform.db.orm.insert(workflowVersions).values({
    organizationId,
    workflowId: wf!.id,
    version: 1,
    definition: { steps: [{ id: 'a', type: 'llm', prompt: 'x' }] },
  });
  return wf!.id;
}

async function runsOf(organizationId: string, workflowId: string) {
  return withTenant(s.platform.db, organizationId, (tx) =>
    tx.select().from(workflowRuns).where(eq(workflowRuns.workflowId, workflowId)),
  );
}

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met: ${JSON.stringify(v).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('workflow triggers', () => {
  it('starts a run from a webhook with the right secret only; the body is the input', async () => {
    const m = await memberWithKey(s);
    const wf = await workflow(m.organizationId);
    const created = await call(s, m, 'POST', `/api/v1/workflows/${wf}/triggers`, { kind: 'webhook' });
    expect(created.status).toBe(201);
    const { id, secret, url } = created.body;
    expect(url).toBe(`${s.url}/api/v1/hooks/workflows/${id}`);
    expect(secret).toMatch(/^whs_/);
    const listed = await call(s, m, 'GET', `/api/v1/workflows/${wf}/triggers`);
    expect(listed.body.data[0].secret).toBeUndefined();

    const hook = (path: string, headers: Record<string, string>, body = '{"topic":"frogs"}') =>
      fetch(`${s.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    const ok = await hook(`/api/v1/hooks/workflows/${id}`, { 'x-flashfusion-secret': secret });
    expect(ok.status).toBe(202);
    const { runId } = (await ok.json()) as { runId: string };
    const viaQuery = await hook(`/api/v1/hooks/workflows/${id}?secret=${encodeURIComponent(secret)}`, {});
    expect(viaQuery.status).toBe(202);

    for (const [path, headers] of [
      [`/api/v1/hooks/workflows/${id}`, { 'x-flashfusion-secret': `${secret}x` }],
      [`/api/v1/hooks/workflows/${id}`, {}],
      [`/api/v1/hooks/workflows/${crypto.randomUUID()}`, { 'x-flashfusion-secret': secret }],
      ['/api/v1/hooks/workflows/not-a-uuid', { 'x-flashfusion-secret': secret }],
    ] as const) {
      const res = await hook(path, headers);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('AUTHENTICATION_FAILED');
    }
    expect(
      (await hook(`/api/v1/hooks/workflows/${id}`, { 'x-flashfusion-secret': secret }, '{"a":')).status,
    ).toBe(400);

    const runs = await until(
      () => runsOf(m.organizationId, wf),
      (r) => r.filter((x) => x.status === 'succeeded').length === 2,
    );
    expect(runs.find((r) => r.id === runId)).toMatchObject({ trigger: 'webhook', input: { topic: 'frogs' } });

    const off = await call(s, m, 'PATCH', `/api/v1/workflows/${wf}/triggers/${id}`, { enabled: false });
    expect(off.body.enabled).toBe(false);
    expect((await hook(`/api/v1/hooks/workflows/${id}`, { 'x-flashfusion-secret': secret })).status).toBe(
      409,
    );
    expect((await call(s, m, 'DELETE', `/api/v1/workflows/${wf}/triggers/${id}`)).status).toBe(204);
    expect((await hook(`/api/v1/hooks/workflows/${id}`, { 'x-flashfusion-secret': secret })).status).toBe(
      401,
    );
  });

  it('starts a run for a matching domain event of the same organization, with the payload as input', async () => {
    const m = await memberWithKey(s);
    const wf = await workflow(m.organizationId);
    const loop = await workflow(m.organizationId);
    expect(
      (
        await call(s, m, 'POST', `/api/v1/workflows/${wf}/triggers`, {
          kind: 'event',
          config: { eventType: 'content.published' },
        })
      ).status,
    ).toBe(201);
    // Triggered by any run event, including its own: must not start itself in a loop.
    await call(s, m, 'POST', `/api/v1/workflows/${loop}/triggers`, {
      kind: 'event',
      config: { eventType: 'workflow.run.*' },
    });
    const published = defineEvent('content.published', z.object({ contentId: z.string() }));
    const other = await memberWithKey(s);
    await s.platform.events.publish(published, {
      aggregateId: 'c1',
      organizationId: other.organizationId,
      payload: { contentId: 'theirs' },
    });
    await s.platform.events.publish(published, {
      aggregateId: 'c2',
      organizationId: m.organizationId,
      payload: { contentId: 'c2' },
    });
    await s.platform.events.publish(defineEvent('content.deleted', z.object({})), {
      aggregateId: 'c3',
      organizationId: m.organizationId,
      payload: {},
    });
    const runs = await until(
      () => runsOf(m.organizationId, wf),
      (r) => r.some((x) => x.status === 'succeeded'),
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: 'event', input: { contentId: 'c2' } });
    // wf's run events started `loop` (a different workflow) but loop's own events never start loop again.
    // wf's run emits workflow.run.started and .completed, so loop may run once per event: at most a few runs,
    // and the count settles (a loop starting itself would keep growing).
    let loopRuns = await until(
      () => runsOf(m.organizationId, loop),
      (r) => r.length > 0 && r.every((x) => x.status === 'succeeded'),
    );
    for (let settled = false; !settled; ) {
      await new Promise((r) => setTimeout(r, 2_000));
      const again = await runsOf(m.organizationId, loop);
      settled = again.length === loopRuns.length && again.every((x) => x.status === 'succeeded');
      loopRuns = again;
      expect(loopRuns.length).toBeLessThanOrEqual(3);
    }
    expect(loopRuns.length).toBeGreaterThanOrEqual(1);
  });

  it('stops starting runs as soon as an event trigger is disabled, though the triggers are cached', async () => {
    const m = await memberWithKey(s);
    const wf = await workflow(m.organizationId);
    const made = await call(s, m, 'POST', `/api/v1/workflows/${wf}/triggers`, {
      kind: 'event',
      config: { eventType: 'content.archived' },
    });
    expect(made.status).toBe(201);
    const archived = defineEvent('content.archived', z.object({ n: z.number() }));
    const publish = (n: number) =>
      s.platform.events.publish(archived, {
        aggregateId: `a${n}`,
        organizationId: m.organizationId,
        payload: { n },
      });
    await publish(1);
    await until(
      () => runsOf(m.organizationId, wf),
      (r) => r.length === 1,
    );
    // The listener now holds this organization's triggers in the cache; disabling must forget them.
    const off = await call(s, m, 'PATCH', `/api/v1/workflows/${wf}/triggers/${made.body.id}`, {
      enabled: false,
    });
    expect(off.body.enabled).toBe(false);
    await publish(2);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await runsOf(m.organizationId, wf)).toHaveLength(1);
  });

  it('validates triggers and keeps them per tenant', async () => {
    const m = await memberWithKey(s);
    const wf = await workflow(m.organizationId);
    const post = (body: unknown) => call(s, m, 'POST', `/api/v1/workflows/${wf}/triggers`, body);
    expect((await post({ kind: 'schedule', config: { cron: 'every minute please' } })).body.error.code).toBe(
      'VALIDATION_ERROR',
    );
    expect(
      (await post({ kind: 'schedule', config: { cron: '* * * * *', timezone: 'Mars/Olympus' } })).status,
    ).toBe(400);
    expect((await post({ kind: 'schedule', config: { cron: '*/5 * * * * *' } })).status).toBe(400);
    expect((await post({ kind: 'carrier-pigeon' })).status).toBe(400);
    expect((await post({ kind: 'event', config: {} })).status).toBe(400);
    const other = await memberWithKey(s);
    expect(
      (await call(s, other, 'POST', `/api/v1/workflows/${wf}/triggers`, { kind: 'webhook' })).status,
    ).toBe(404);
    expect((await call(s, other, 'GET', `/api/v1/workflows/${wf}/triggers`)).status).toBe(404);
    const t = await post({
      kind: 'schedule',
      config: { cron: '0 9 * * 1', timezone: 'Europe/Paris', input: { a: 1 } },
    });
    expect(t.status).toBe(201);
    const boss = (s.platform.queue as PgBossQueue).boss;
    const schedules = await boss.getSchedules('orchestration.trigger', t.body.id);
    expect(schedules[0]).toMatchObject({ cron: '0 9 * * 1', timezone: 'Europe/Paris' });
    expect((await call(s, other, 'DELETE', `/api/v1/workflows/${wf}/triggers/${t.body.id}`)).status).toBe(
      404,
    );
    expect((await call(s, m, 'DELETE', `/api/v1/workflows/${wf}/triggers/${t.body.id}`)).status).toBe(204);
    expect(await boss.getSchedules('orchestration.trigger', t.body.id)).toEqual([]);
  });

  // pg-boss schedules at minute precision and checks its cron table every 30 s, so a per-minute schedule
  // fires within about 90 s of being set: this test waits for a real tick.
  it('fires a per-minute schedule and starts a run with the configured input', async () => {
    const m = await memberWithKey(s);
    const wf = await workflow(m.organizationId);
    const setAt = Date.now();
    const t = await call(s, m, 'POST', `/api/v1/workflows/${wf}/triggers`, {
      kind: 'schedule',
      config: { cron: '* * * * *', timezone: 'America/New_York', input: { tick: true } },
    });
    expect(t.status).toBe(201);
    const runs = await until(
      () => runsOf(m.organizationId, wf),
      (r) => r.length > 0,
      120_000,
    );
    expect(runs[0]).toMatchObject({ trigger: 'schedule', input: { tick: true } });
    // On time: pg-boss treats an occurrence of the last minute as due, so the first run comes for the minute
    // the trigger was set in or the next one, at most its cron check interval (30 s) plus a worker poll and a
    // load margin after that next minute boundary: never a minute late, never before it was set.
    const nextBoundary = Math.ceil(setAt / 60_000) * 60_000;
    const firedAt = runs[0]!.createdAt.getTime();
    expect(firedAt).toBeGreaterThanOrEqual(setAt);
    expect(firedAt).toBeLessThan(nextBoundary + 50_000);
    await call(s, m, 'DELETE', `/api/v1/workflows/${wf}/triggers/${t.body.id}`);
  }, 150_000);
});
