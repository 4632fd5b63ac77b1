import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TActorContext } from '../../identity/actor.ts';
import { ACTOR_ROUTERS, asActor, seedMember } from '../../identity/identity.test-kit.ts';
import { createAiHarness, type TAiHarness } from '../ai.test-kit.ts';
import { getUsageSummary } from './get-usage-summary.ts';
import { recordGeneration, type TGenerationRecord } from './record-generation.ts';
import { usageSummaryRoutes } from './usage-summary-route.ts';

let h: TAiHarness;
let a: TActorContext;
let b: TActorContext;
let viewer: TActorContext;
beforeAll(async () => {
  h = await createAiHarness();
  a = await seedMember(h.db);
  b = await seedMember(h.db);
  viewer = await seedMember(h.db, { role: 'viewer', organizationId: a.organizationId });
});
afterAll(() => h.close());

const call = (over: Partial<TGenerationRecord> = {}): TGenerationRecord => ({
  organizationId: a.organizationId,
  userId: a.userId,
  type: 'generate',
  prompt: 'Say hi',
  result: { text: 'hi' },
  model: 'gpt-4o-mini',
  provider: '11111111-1111-4111-8111-111111111111',
  providerKind: 'openai',
  route: null,
  tokensIn: 10,
  tokensOut: 5,
  cost: 0.0000045,
  latencyMs: 100,
  cached: false,
  status: 'succeeded',
  ...over,
});

const around = () => ({ from: new Date(Date.now() - 60_000), to: new Date(Date.now() + 60_000) });

describe('AI usage summary', () => {
  it('sums every call of the organization, per model and in total, leaving other organizations out', async () => {
    const empty = await getUsageSummary({ db: h.db, actor: a, ...around() });
    expect(empty).toMatchObject({
      calls: 0,
      tokensIn: 0,
      tokensOut: 0,
      cost: 0,
      cached: 0,
      failures: 0,
      byModel: [],
    });

    await recordGeneration({ events: h.events, record: call() });
    await recordGeneration({ events: h.events, record: call() });
    await recordGeneration({
      events: h.events,
      record: call({ cached: true, cost: 0, tokensIn: 0, tokensOut: 0 }),
    });
    await recordGeneration({
      events: h.events,
      record: call({
        model: 'local',
        provider: 'local',
        providerKind: 'local',
        cost: 0,
        tokensIn: 3,
        tokensOut: 7,
      }),
    });
    await recordGeneration({
      events: h.events,
      record: call({ status: 'failed', error: 'upstream 503', tokensOut: 0 }),
    });
    await recordGeneration({
      events: h.events,
      record: call({ organizationId: b.organizationId, userId: b.userId }),
    });

    const summary = await getUsageSummary({ db: h.db, actor: a, ...around() });
    expect(summary).toMatchObject({ calls: 5, tokensIn: 33, tokensOut: 17, cached: 1, failures: 1 });
    expect(summary.cost).toBeCloseTo(0.0000045 * 3, 10);
    expect(summary.byModel).toEqual([
      expect.objectContaining({
        model: 'gpt-4o-mini',
        providerKind: 'openai',
        calls: 4,
        cached: 1,
        failures: 1,
      }),
      expect.objectContaining({
        model: 'local',
        providerKind: 'local',
        calls: 1,
        tokensIn: 3,
        tokensOut: 7,
        cost: 0,
      }),
    ]);
    const other = await getUsageSummary({ db: h.db, actor: b, ...around() });
    expect(other).toMatchObject({ calls: 1, byModel: [expect.objectContaining({ model: 'gpt-4o-mini' })] });
    const before = await getUsageSummary({ db: h.db, actor: a, from: new Date(0), to: new Date(1000) });
    expect(before.calls).toBe(0);
  });

  it('refuses a member whose role may not generate', async () => {
    await expect(getUsageSummary({ db: h.db, actor: viewer, ...around() })).rejects.toMatchObject({
      code: 'INSUFFICIENT_PERMISSIONS',
    });
  });

  it('answers GET /ai/usage for the current month by default and checks its query', async () => {
    const app = asActor(usageSummaryRoutes({ ...h, routers: ACTOR_ROUTERS }), () => a);
    const res = await app.request('/api/v1/ai/usage');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { from: string; to: string; calls: number };
    const now = new Date();
    expect(body.from).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString());
    expect(body.to).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString());
    expect(body.calls).toBe(5);

    const reversed = await app.request('/api/v1/ai/usage?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(reversed.status).toBe(400);
    expect(((await reversed.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_ERROR');
    const malformed = await app.request('/api/v1/ai/usage?from=yesterday');
    expect(malformed.status).toBe(400);
    const asViewer = asActor(usageSummaryRoutes({ ...h, routers: ACTOR_ROUTERS }), () => viewer);
    const denied = await asViewer.request('/api/v1/ai/usage');
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe(
      'INSUFFICIENT_PERMISSIONS',
    );
  });
});
