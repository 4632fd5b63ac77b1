import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { InvalidJobPayloadError } from './index.ts';
import { DATABASE_LABEL, type TEcho, useQueueHarness } from './queue.test-kit.ts';

describe(`job queue on ${DATABASE_LABEL}`, () => {
  const h = useQueueHarness();

  it('runs a job with its payload, id and attempt number', async () => {
    const runs: { payload: TEcho; jobId: string; attempt: number }[] = [];
    const job = h.echoJob(async (payload, ctx) => {
      runs.push({ payload, jobId: ctx.jobId, attempt: ctx.attempt });
    });
    const q = await h.newQueue();
    await q.register(job);
    await q.startWorkers();
    const id = await q.enqueue(job, { text: 'hi', n: 1 });
    await vi.waitFor(() => expect(runs).toHaveLength(1), { timeout: 10_000, interval: 50 });
    expect(runs[0]).toEqual({ payload: { text: 'hi', n: 1 }, jobId: id, attempt: 1 });
    await vi.waitFor(async () => expect((await h.jobState(job.name, id))?.state).toBe('completed'));
  });

  it('rejects an invalid payload at enqueue and stores nothing', async () => {
    const job = h.echoJob(async () => {});
    const q = await h.newQueue();
    await q.register(job);
    const bad = { text: 'hi', n: 'one' } as unknown as TEcho;
    await expect(q.enqueue(job, bad)).rejects.toThrow(InvalidJobPayloadError);
    await expect(q.enqueue(job, bad)).rejects.toThrow(/n: /);
    expect(await h.observer().boss.findJobs(job.name)).toEqual([]);
  });

  it('retries a failing handler per its policy and succeeds on attempt 3', async () => {
    const attempts: { attempt: number; at: number }[] = [];
    const job = h.echoJob(
      async (_p, ctx) => {
        attempts.push({ attempt: ctx.attempt, at: Date.now() });
        if (ctx.attempt < 3) throw new Error(`flaky ${ctx.attempt}`);
      },
      { retry: { limit: 3, delaySeconds: 1, backoff: false } },
    );
    const q = await h.newQueue();
    await q.register(job);
    await q.startWorkers();
    const id = await q.enqueue(job, { text: 'retry', n: 3 });
    await vi.waitFor(async () => expect((await h.jobState(job.name, id))?.state).toBe('completed'), {
      timeout: 20_000,
      interval: 100,
    });
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    // The retry delay was honoured, not just the polling interval.
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
    expect((await h.jobState(job.name, id))?.retryCount).toBe(2);
  });

  it('holds a job with startAfterSeconds until its time', async () => {
    let ranAt = 0;
    const job = h.echoJob(async () => {
      ranAt = Date.now();
    });
    const q = await h.newQueue();
    await q.register(job);
    await q.startWorkers();
    const sentAt = Date.now();
    await q.enqueue(job, { text: 'later', n: 2 }, { startAfterSeconds: 2 });
    await sleep(1_000);
    expect(ranAt).toBe(0);
    await vi.waitFor(() => expect(ranAt).toBeGreaterThan(0), { timeout: 10_000, interval: 50 });
    expect(ranAt - sentAt).toBeGreaterThanOrEqual(1_900);
  });

  it('registers and removes a cron schedule with its time zone and key', async () => {
    const job = h.echoJob(async () => {});
    const q = await h.newQueue();
    await q.register(job);
    await q.schedule(job, '*/5 * * * *', { text: 'tick', n: 0 }, { tz: 'Europe/Berlin', key: 'org-1' });
    const [s] = await q.boss.getSchedules(job.name);
    expect(s).toMatchObject({
      name: job.name,
      key: 'org-1',
      cron: '*/5 * * * *',
      timezone: 'Europe/Berlin',
      data: { text: 'tick', n: 0 },
    });
    const bad = { text: 'tick' } as TEcho;
    await expect(q.schedule(job, '* * * * *', bad)).rejects.toThrow(InvalidJobPayloadError);
    await q.unschedule(job, 'org-1');
    expect(await q.boss.getSchedules(job.name)).toEqual([]);
  });

  it('runs nothing until startWorkers is called', async () => {
    const handler = vi.fn(async () => {});
    const job = h.echoJob(handler);
    const q = await h.newQueue();
    await q.register(job);
    const id = await q.enqueue(job, { text: 'wait', n: 0 });
    await sleep(1_500); // three polling intervals
    expect(handler).not.toHaveBeenCalled();
    expect(q.boss.getWipData()).toEqual([]);
    expect((await h.jobState(job.name, id))?.state).toBe('created');
    await q.startWorkers();
    await vi.waitFor(() => expect(handler).toHaveBeenCalledOnce(), { timeout: 10_000, interval: 50 });
  });

  it('stops gracefully only after the running handler has finished', async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    let finishedAt = 0;
    const job = h.echoJob(async () => {
      started();
      await sleep(300);
      finishedAt = Date.now();
    });
    const q = await h.newQueue();
    await q.register(job);
    await q.startWorkers();
    const id = await q.enqueue(job, { text: 'slow', n: 0 });
    await running;
    await q.stop({ graceful: true, timeoutMs: 5_000 });
    const stoppedAt = Date.now();
    expect(finishedAt).toBeGreaterThan(0);
    expect(stoppedAt).toBeGreaterThanOrEqual(finishedAt);
    expect((await h.jobState(job.name, id))?.state).toBe('completed');
  });
});
