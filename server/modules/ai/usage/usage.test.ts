import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/index.ts';
import type { DomainEvent } from '../../../platform/events/index.ts';
import { seedMember } from '../../../testing/members.test-kit.ts';
import type { TActorContext } from '../../identity/actor.ts';
import { createAiHarness, type TAiHarness } from '../ai.test-kit.ts';
import { addModel } from '../catalogue/add-model.ts';
import { ZAddModelBodySchema } from '../catalogue/schemas.ts';
import { createProvider } from '../providers/create-provider.ts';
import { ZCreateProviderBodySchema } from '../providers/schemas.ts';
import { aiGenerations } from '../schema.ts';
import { AiGenerationCompleted } from './events.ts';
import { getModelUsage } from './get-model-usage.ts';
import { recordGeneration, type TGenerationRecord } from './record-generation.ts';

let h: TAiHarness;
let a: TActorContext;
let b: TActorContext;
beforeAll(async () => {
  h = await createAiHarness();
  a = await seedMember(h.db);
  b = await seedMember(h.db);
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
  route: 'chat',
  tokensIn: 10,
  tokensOut: 5,
  cost: 0.0000045,
  latencyMs: 100,
  cached: false,
  status: 'succeeded',
  ...over,
});
const metrics = (organizationId: string, model: string) =>
  queryRows<{ metric_type: string; metric_value: string; n: number }>(
    h.db.orm,
    sql`select metric_type, sum(metric_value)::text as metric_value, count(*)::int as n from usage_metrics
        where organization_id = ${organizationId} and metadata ->> 'model' = ${model}
        group by metric_type order by metric_type`,
  );

describe('usage', () => {
  it('records the row, rolls it into one hourly bucket per metric, and emits the event after commit', async () => {
    const seen: DomainEvent<unknown>[] = [];
    const off = h.events.subscribe(AiGenerationCompleted, (e) => {
      seen.push(e);
    });
    const first = await recordGeneration({ events: h.events, record: call() });
    await recordGeneration({
      events: h.events,
      record: call({ cached: true, cost: 0, tokensIn: 0, tokensOut: 0 }),
    });
    await recordGeneration({
      events: h.events,
      record: call({ status: 'failed', error: 'upstream 503', tokensOut: 0, cost: 0.000002, latencyMs: 900 }),
    });
    await h.events.idle();
    off();
    const [row] = await h.db.orm.select().from(aiGenerations).where(eq(aiGenerations.id, first.id));
    expect(row).toMatchObject({
      model: 'gpt-4o-mini',
      providerKind: 'openai',
      target: '11111111-1111-4111-8111-111111111111:gpt-4o-mini',
      tokensUsed: 15,
      cost: '0.00000450',
      route: 'chat',
    });
    expect(seen).toHaveLength(3);
    expect(seen[0]).toMatchObject({
      type: 'ai.generation.completed',
      organizationId: a.organizationId,
      aggregateId: first.id,
      payload: {
        generationId: first.id,
        tokensIn: 10,
        tokensOut: 5,
        cost: 0.0000045,
        cached: false,
        status: 'succeeded',
      },
    });
    const m = Object.fromEntries(
      (await metrics(a.organizationId, 'gpt-4o-mini')).map((r) => [r.metric_type, r]),
    );
    // One bucket row per metric (the three calls fell in the same hour, or two buckets across an hour edge).
    expect(m['ai.calls']?.n).toBeLessThanOrEqual(2);
    expect(Number(m['ai.calls']?.metric_value)).toBe(3);
    expect(Number(m['ai.tokens_in']?.metric_value)).toBe(20);
    expect(Number(m['ai.tokens_out']?.metric_value)).toBe(5);
    expect(Number(m['ai.cost']?.metric_value)).toBeCloseTo(0.0000065, 10);
    expect(Number(m['ai.cached']?.metric_value)).toBe(1);
    expect(Number(m['ai.failed']?.metric_value)).toBe(1);
  });

  it('concurrent records add up in the shared buckets', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () => recordGeneration({ events: h.events, record: call({ model: 'o3' }) })),
    );
    const m = Object.fromEntries((await metrics(a.organizationId, 'o3')).map((r) => [r.metric_type, r]));
    expect(Number(m['ai.calls']?.metric_value)).toBe(20);
    expect(Number(m['ai.tokens_in']?.metric_value)).toBe(200);
  });

  it('aggregates a model’s usage with latency percentiles, for the caller’s organization only', async () => {
    for (const latencyMs of [10, 20, 30, 40, 50, 60, 70, 80, 90, 1000]) {
      await recordGeneration({
        events: h.events,
        record: call({ model: 'local', provider: 'local', providerKind: 'local', cost: 0, latencyMs }),
      });
    }
    await recordGeneration({
      events: h.events,
      record: call({ organizationId: b.organizationId, model: 'local', provider: 'local' }),
    });
    const now = Date.now();
    const usage = await getModelUsage({
      db: h.db,
      actor: a,
      modelId: 'local',
      from: new Date(now - 60_000),
      to: new Date(now + 60_000),
    });
    expect(usage).toMatchObject({
      model: 'local',
      calls: 10,
      tokensIn: 100,
      tokensOut: 50,
      cost: 0,
      cached: 0,
      failures: 0,
    });
    expect(usage.latencyMs.p50).toBe(55);
    // Interpolated between the 9th and 10th: 90 + 0.55 * 910 ≈ 590.5 (0.95 * 9 is just under 8.55 in floating point).
    expect(usage.latencyMs.p95).toBe(590);
    const empty = await getModelUsage({
      db: h.db,
      actor: a,
      modelId: 'local',
      from: new Date(0),
      to: new Date(1000),
    });
    expect(empty).toMatchObject({ calls: 0, latencyMs: { p50: null, p95: null } });
    await expect(
      getModelUsage({ db: h.db, actor: a, modelId: 'no-such-model', from: new Date(0), to: new Date() }),
    ).rejects.toMatchObject({ code: 'RESOURCE_NOT_FOUND' });
    const bRows = await h.db.orm
      .select()
      .from(aiGenerations)
      .where(and(eq(aiGenerations.organizationId, b.organizationId), eq(aiGenerations.model, 'local')));
    expect(bRows).toHaveLength(1);
  });

  it('refuses an event payload that breaks its schema, rolling back the row with it', async () => {
    const before = await h.db.orm.select().from(aiGenerations);
    await expect(
      recordGeneration({
        events: h.events,
        record: call({ provider: 'local', providerKind: 'gemini' as never }),
      }),
    ).rejects.toThrow();
    expect(await h.db.orm.select().from(aiGenerations)).toHaveLength(before.length);
  });

  it('counts an organization’s own model only through its provider', async () => {
    const p = await createProvider({
      db: h.db,
      secrets: h.secrets,
      network: h.network,
      actor: a,
      input: ZCreateProviderBodySchema.parse({
        name: 'ollama',
        kind: 'openai-compatible',
        baseUrl: 'http://127.0.0.1:1/v1',
      }),
    });
    const m = await addModel({
      db: h.db,
      actor: a,
      input: ZAddModelBodySchema.parse({ providerId: p.id, model: 'llama3', contextWindow: 8192 }),
    });
    await recordGeneration({
      events: h.events,
      record: call({ model: 'llama3', provider: p.id, providerKind: 'openai-compatible' }),
    });
    await recordGeneration({
      events: h.events,
      record: call({ model: 'llama3', provider: 'local', providerKind: 'local' }),
    });
    const window = { from: new Date(Date.now() - 60_000), to: new Date(Date.now() + 60_000) };
    expect(await getModelUsage({ db: h.db, actor: a, modelId: m.id, ...window })).toMatchObject({ calls: 1 });
    await expect(getModelUsage({ db: h.db, actor: b, modelId: m.id, ...window })).rejects.toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
    });
  });
});
