import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { type Peer, startPeer } from '../../../platform/testing/peer-process.ts';
import { startTestServer, type TestServer } from '../../../testing/api.test-kit.ts';
import { seedMember } from '../../identity/identity.test-kit.ts';
import { runSteps, workflowRuns, workflows, workflowVersions } from '../schema.ts';
import { createEngine, type TEngine } from './create-engine.ts';

const PEER = fileURLToPath(new URL('./fixtures/engine-worker.test-peer.ts', import.meta.url));

// A receiver that honours Idempotency-Key the way a payment API does: a repeated key is answered from the
// first result and takes effect only once. It counts requests and effects per key, and holds step s5's first
// request open so the test can kill the worker in the middle of it.
function countingEndpoint() {
  const requests = new Map<string, number>();
  const effects = new Map<string, number>();
  let holdFirstS5: ((msg: IncomingMessage) => void) | null = null;
  const s5Arrived = new Promise<void>((resolve) => {
    holdFirstS5 = () => resolve();
  });
  const server: Server = createServer((req, res) => {
    const key = String(req.headers['idempotency-key'] ?? '');
    requests.set(key, (requests.get(key) ?? 0) + 1);
    if (key.endsWith(':s5') && requests.get(key) === 1) {
      holdFirstS5?.(req);
      return; // never answered: its worker dies waiting
    }
    if (!effects.has(key)) effects.set(key, 1);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, key }));
  });
  return { server, requests, effects, s5Arrived };
}

describe('durable engine: a worker killed mid-run (PostgreSQL, two worker processes)', () => {
  let s: TestServer;
  let peers: Peer[] = [];
  let engine: TEngine;
  const endpoint = countingEndpoint();

  beforeAll(async () => {
    // ROLE=api: this process only starts the run and observes; the two peers are the workers.
    s = await startTestServer({ env: { ROLE: 'api' } });
    const { DATABASE_URL, REDIS_URL, MASTER_KEY } = s.platform.env as unknown as Record<string, string>;
    if (!DATABASE_URL) throw new Error('run with --config vitest.services.config.ts');
    await new Promise<void>((r) => endpoint.server.listen(0, '127.0.0.1', () => r()));
    const env = { DATABASE_URL, REDIS_URL, MASTER_KEY: MASTER_KEY ?? '', ENGINE_LEASE_MS: '3000' };
    peers = [startPeer(PEER, env), startPeer(PEER, env)];
    for (const p of peers) await p.waitFor((l) => l.ready === true, 60_000);
    engine = await createEngine({ ...s.platform, executors: {} });
  }, 120_000);
  afterAll(async () => {
    for (const p of peers) await p.kill();
    await engine?.close();
    await s?.stop();
    endpoint.server.close();
  }, 60_000);

  it('finishes the run on the surviving worker; every key took effect once, no checkpointed step ran again', async () => {
    const m = await seedMember(s.platform.db);
    const port = (endpoint.server.address() as AddressInfo).port;
    const steps = Array.from({ length: 10 }, (_, i) => ({
      id: `s${i + 1}`,
      type: 'http' as const,
      method: 'POST' as const,
      url: `http://127.0.0.1:${port}/effect/s${i + 1}`,
      body: { n: i + 1 },
      timeoutMs: 120_000,
      ...(i > 0 ? { dependsOn: [`s${i}`] } : {}),
    }));
    const [wf] = await s.platform.db.orm
      .insert(workflows)
      .values({ organizationId: m.organizationId, name: 'ten' })
      .returning();
    await s.platform.db.orm.insert(workflowVersions).values({
      organizationId: m.organizationId,
      workflowId: wf!.id,
      version: 1,
      definition: { steps } as never,
    });
    const { runId } = await engine.startRun({
      organizationId: m.organizationId,
      workflowId: wf!.id,
      input: {},
      trigger: 'manual',
      createdBy: m.userId,
    });

    await endpoint.s5Arrived;
    const executing = await Promise.race(
      peers.map((p) => p.waitFor((l) => l.executing === 's5', 30_000).then(() => p)),
    );
    const survivor = peers.find((p) => p !== executing)!;
    await executing.kill(); // SIGKILL: no shutdown, no lease release, its pg-boss job stays active

    const deadline = Date.now() + 90_000;
    let status = '';
    while (Date.now() < deadline) {
      const [run] = await withTenant(s.platform.db, m.organizationId, (tx) =>
        tx.select().from(workflowRuns).where(eq(workflowRuns.id, runId)),
      );
      status = run!.status;
      if (status === 'succeeded' || status === 'failed') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe('succeeded');
    await survivor.waitFor((l) => l.executing === 's10', 5_000);

    for (let i = 1; i <= 10; i++) {
      const key = `${runId}:s${i}`;
      expect(endpoint.effects.get(key), key).toBe(1);
      // s5 was sent twice (the killed attempt and the takeover, same key); every other step exactly once.
      expect(endpoint.requests.get(key), key).toBe(i === 5 ? 2 : 1);
    }
    const rows = await withTenant(s.platform.db, m.organizationId, (tx) =>
      tx.select().from(runSteps).where(eq(runSteps.runId, runId)),
    );
    const s5 = rows.find((r) => r.stepId === 's5')!;
    expect(s5).toMatchObject({ status: 'succeeded', attempts: 2 });
    for (const r of rows.filter((x) => x.stepId !== 's5')) expect(r.attempts, r.stepId).toBe(1);
  }, 150_000);
});
