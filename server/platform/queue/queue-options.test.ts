import { describe, expect, it, vi } from 'vitest';
import { DATABASE_LABEL, useQueueHarness } from './queue.test-kit.ts';

describe(`job queue: id, priority, group and heartbeat options on ${DATABASE_LABEL}`, () => {
  const h = useQueueHarness();

  it('creates one job for one id, however often it is enqueued', async () => {
    const job = h.echoJob(async () => {});
    const q = await h.newQueue();
    await q.register(job);
    const id = crypto.randomUUID();
    expect(await q.enqueue(job, { text: 'a', n: 1 }, { id })).toBe(id);
    expect(await q.enqueue(job, { text: 'b', n: 2 }, { id })).toBe(id);
    const jobs = await h.observer().boss.findJobs(job.name);
    expect(jobs.map((j) => (j.data as { text: string }).text)).toEqual(['a']);
  });

  it('serves higher priority first, then the oldest; states the heartbeat on the queue', async () => {
    const order: string[] = [];
    const job = h.echoJob(
      async (p) => {
        order.push(p.text);
      },
      { concurrency: 1, heartbeatSeconds: 10 },
    );
    const q = await h.newQueue();
    await q.register(job);
    await q.enqueue(job, { text: 'low', n: 0 }, { priority: -5 });
    await q.enqueue(job, { text: 'old', n: 1 });
    await q.enqueue(job, { text: 'high', n: 2 }, { priority: 5 });
    await q.startWorkers();
    await vi.waitFor(() => expect(order).toHaveLength(3), { timeout: 15_000, interval: 50 });
    expect(order).toEqual(['high', 'old', 'low']);
    const [row] = (await h.observer().boss.getQueues([job.name])) as { heartbeatSeconds?: number | null }[];
    expect(row?.heartbeatSeconds).toBe(10);
  });

  it('keeps at most groupConcurrency jobs of one group active while another group proceeds', async () => {
    const active = new Map<string, number>();
    let maxG = 0;
    const started: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const job = h.echoJob(
      async (p) => {
        const group = p.text[0]!;
        started.push(p.text);
        active.set(group, (active.get(group) ?? 0) + 1);
        if (group === 'g') maxG = Math.max(maxG, active.get('g')!);
        await gate; // held until the test has watched the slots
        active.set(group, active.get(group)! - 1);
      },
      { concurrency: 3, groupConcurrency: 1 },
    );
    const q = await h.newQueue();
    await q.register(job);
    // g1 is active before its siblings arrive: fetches racing at the very start can each pass the group check
    // once on PostgreSQL (see define-job.ts); once a job of the group is active the limit holds exactly.
    await q.enqueue(job, { text: 'g1', n: 0 }, { group: 'g' });
    await q.startWorkers();
    await vi.waitFor(() => expect(started).toEqual(['g1']), { timeout: 15_000, interval: 50 });
    for (const text of ['g2', 'g3']) await q.enqueue(job, { text, n: 0 }, { group: 'g' });
    await q.enqueue(job, { text: 'h1', n: 0 }, { group: 'h' });
    await vi.waitFor(() => expect(started).toContain('h1'), { timeout: 15_000, interval: 50 });
    // Several polling rounds with free worker slots: without the group limit g2 and g3 would start now.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(maxG).toBe(1);
    expect(started.filter((t) => t.startsWith('g'))).toEqual(['g1']);
    release();
    await vi.waitFor(() => expect(started).toHaveLength(4), { timeout: 15_000, interval: 50 });
  });
});
