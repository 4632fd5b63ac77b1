import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useEngineHarness } from '../../../testing/engine.test-kit.ts';
import { workflowRuns } from '../schema.ts';
import type { TExecutors } from './engine-types.ts';

// Real work per step (hashing), so a tenant's backlog takes real time to drain, longer than starting it takes
// even on a loaded machine. It yields to the event loop between slices, as real executors do (model and http
// calls wait on I/O, transforms run on worker threads): the test is about the queue's lines, not about one
// synchronous executor holding the process.
const executors: TExecutors = {
  transform: async () => {
    let h = 'seed';
    for (let i = 0; i < 100_000; i++) {
      h = createHash('sha256').update(h).digest('hex');
      if (i % 5_000 === 0) await new Promise((r) => setImmediate(r));
    }
    return { status: 'succeeded', output: h.slice(0, 8) };
  },
};

describe('workflow engine fairness', () => {
  const h = useEngineHarness(executors, { orgConcurrency: 2, workerConcurrency: 4 });

  it("runs another organization's single run while one organization has 200 queued", async () => {
    const a = await h.member();
    const b = await h.member();
    const def = { steps: [{ id: 'work', type: 'transform' as const, code: 'hash' }] };
    const wfA = await h.workflow(a.organizationId, def);
    const wfB = await h.workflow(b.organizationId, def);
    const start = (organizationId: string, workflowId: string) =>
      h.engine.startRun({ organizationId, workflowId, input: {}, trigger: 'manual', createdBy: null });
    const aRuns: string[] = [];
    // A few at a time: each start is a transaction holding one of the pool's connections.
    for (let i = 0; i < 200; i += 4) {
      const batch = await Promise.all(Array.from({ length: 4 }, () => start(a.organizationId, wfA)));
      aRuns.push(...batch.map((r) => r.runId));
    }
    const aDone = async () =>
      (
        await h.db.orm
          .select({ id: workflowRuns.id })
          .from(workflowRuns)
          .where(and(inArray(workflowRuns.id, aRuns), eq(workflowRuns.status, 'succeeded')))
      ).length;
    const bRun = (await start(b.organizationId, wfB)).runId;
    const atBStart = await aDone();
    const done = await h.waitFor(b.organizationId, bRun, ['succeeded', 'failed'], 150_000);
    expect(done.run.status).toBe('succeeded');
    const atBEnd = await aDone();
    // B's run was queued behind A's whole backlog; with per-organization lines it finishes while most of the
    // A runs still waiting at that moment are still waiting (FIFO would finish every one of them first).
    const backlog = 200 - atBStart;
    expect(backlog).toBeGreaterThan(50);
    expect(atBEnd - atBStart).toBeLessThan(backlog / 2);
  }, 180_000);
});
