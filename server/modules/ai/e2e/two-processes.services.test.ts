import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/index.ts';
import { type Peer, startPeer } from '../../../platform/testing/peer-process.ts';
import {
  call,
  memberWithKey,
  startTestServer,
  type TestServer,
  type TMember,
} from '../../../testing/api.test-kit.ts';

const PEER = fileURLToPath(new URL('./fixtures/server.test-peer.ts', import.meta.url));

// Two real FlashFusion processes on one PostgreSQL and one Redis: the budget holds across both, and an
// answer cached by one is served by the other.
describe('AI gateway across two processes (PostgreSQL + Redis)', () => {
  let a: TestServer;
  let peer: Peer;
  let b: { url: string };
  let owner: TMember;

  beforeAll(async () => {
    // Both processes are one instance: one database, one Redis, one cache namespace.
    const namespace = `test-${crypto.randomUUID().slice(0, 8)}-`;
    a = await startTestServer({ namespace });
    const { DATABASE_URL, REDIS_URL, MASTER_KEY } = a.platform.env as unknown as Record<string, string>;
    if (!DATABASE_URL || !REDIS_URL) throw new Error('run with --config vitest.services.config.ts');
    peer = startPeer(PEER, {
      DATABASE_URL,
      REDIS_URL,
      MASTER_KEY: MASTER_KEY ?? '',
      LIMITS_NAMESPACE: namespace,
    });
    b = (await peer.waitFor((l) => l.ready === true, 60_000)) as unknown as { url: string };
    owner = await memberWithKey(a);
  }, 90_000);
  afterAll(async () => {
    await peer?.kill();
    await a?.stop();
  });

  it('never lets 50 concurrent calls on two processes spend past the monthly token budget', async () => {
    const LIMIT = 1_500;
    const put = await call(a, owner, 'PUT', '/api/v1/ai/budget', {
      monthlyTokenLimit: LIMIT,
      monthlyCostLimit: null,
    });
    expect(put.status, put.text).toBe(200);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(i % 2 ? b : a, owner, 'POST', '/api/v1/ai/generate', {
          prompt: `Budget race call number ${i}: list three facts about otters`,
          maxOutputTokens: 120,
          cache: false,
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 429);
    expect(ok.length + refused.length, results.map((r) => r.text).join('\n')).toBe(50);
    expect(ok.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r.body.error.code).toBe('QUOTA_EXCEEDED');
    // Both processes answered some of the calls.
    expect(results.filter((r, i) => i % 2 === 1 && r.status === 200).length).toBeGreaterThan(0);
    expect(results.filter((r, i) => i % 2 === 0 && r.status === 200).length).toBeGreaterThan(0);

    const [usage] = await queryRows<{ tokens_used: string; tokens_reserved: string }>(
      a.platform.db.orm,
      sql`select tokens_used, tokens_reserved from ai_budget_usage where organization_id = ${owner.organizationId}`,
    );
    expect(Number(usage?.tokens_used)).toBeLessThanOrEqual(LIMIT);
    expect(Number(usage?.tokens_reserved)).toBe(0);
    const spent = ok.reduce((sum, r) => sum + r.body.usage.inputTokens + r.body.usage.outputTokens, 0);
    expect(Number(usage?.tokens_used)).toBe(spent);
  });

  it('serves an answer cached by one process from the other', async () => {
    const prompt = `Cached across processes ${crypto.randomUUID()}`;
    const rich = await memberWithKey(a);
    const first = await call(a, rich, 'POST', '/api/v1/ai/generate', { prompt });
    const second = await call(b, rich, 'POST', '/api/v1/ai/generate', { prompt });
    expect(first.status, first.text).toBe(200);
    expect(first.body.cached).toBe(false);
    expect(second.body.cached).toBe(true);
    expect(second.body.text).toBe(first.body.text);
  });
});
