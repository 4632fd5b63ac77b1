import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { queryRows } from '../db/index.ts';
import { DATABASE_LABEL, useQueueHarness } from './queue.test-kit.ts';

describe(`job queue edges on ${DATABASE_LABEL}`, () => {
  const h = useQueueHarness();

  it('refuses to enqueue a job that was never registered', async () => {
    const q = await h.newQueue();
    const job = h.echoJob(async () => {});
    await expect(q.enqueue(job, { text: 'x', n: 1 })).rejects.toThrow(/not registered/);
  });

  it('fails a malformed payload found in the queue once, without retrying or calling the handler', async () => {
    const handler = vi.fn(async () => {});
    const job = h.echoJob(handler, { retry: { limit: 5, delaySeconds: 0, backoff: false } });
    const q = await h.newQueue();
    await q.register(job);
    await q.startWorkers();
    // As an older producer with another schema would: straight into pg-boss, past validation.
    const id = (await h.observer().boss.send(job.name, { text: 42 }))!;
    await vi.waitFor(async () => expect((await h.jobState(job.name, id))?.state).toBe('failed'), {
      timeout: 10_000,
      interval: 100,
    });
    const failed = await h.jobState(job.name, id);
    expect(failed?.retryCount).toBe(0);
    expect(failed?.output.message).toMatch(/Invalid payload for job test\.echo-\d+: text: .*; n: /);
    expect(handler).not.toHaveBeenCalled();
    const row = (await q.status()).queues.find((s) => s.name === job.name);
    expect(row).toEqual({ name: job.name, queued: 0, active: 0, failed: 1 });
  });

  it('reports live counts in status, without pg-boss internal queues', async () => {
    const job = h.echoJob(async () => {});
    const q = await h.newQueue();
    await q.register(job);
    await q.enqueue(job, { text: 'a', n: 0 });
    const first = await q.status();
    expect(first.queues.find((s) => s.name === job.name)).toEqual({
      name: job.name,
      queued: 1,
      active: 0,
      failed: 0,
    });
    expect(first.queues.some((s) => s.name.startsWith('__pgboss'))).toBe(false);
    // pg-boss's own stats would serve a cached 1 here for up to a minute.
    await q.enqueue(job, { text: 'b', n: 1 });
    expect((await q.status()).queues.find((s) => s.name === job.name)?.queued).toBe(2);
  });

  it('enqueues inside a transaction: kept on commit, gone on rollback, no deadlock on PGlite', async () => {
    const texts: string[] = [];
    const job = h.echoJob(async (p) => {
      texts.push(p.text);
    });
    const q = await h.newQueue();
    await q.register(job);
    await q.startWorkers();
    const committed = await h.db.orm.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      return q.enqueue(job, { text: 'committed', n: 1 }, { tx });
    });
    const rolledBack = h.db.orm.transaction(async (tx) => {
      await q.enqueue(job, { text: 'rolled back', n: 2 }, { tx });
      throw new Error('abort');
    });
    await expect(rolledBack).rejects.toThrow('abort');
    await vi.waitFor(() => expect(texts).toEqual(['committed']), { timeout: 10_000, interval: 50 });
    expect((await h.jobState(job.name, committed))?.state).toBe('completed');
    await sleep(1_000); // two polling intervals: the rolled-back job never appears
    expect(texts).toEqual(['committed']);
    expect(await h.observer().boss.findJobs(job.name)).toHaveLength(1);
  });

  it('returns the existing job for a duplicate singletonKey on a deduplicating queue', async () => {
    const job = h.echoJob(async () => {}, { policy: 'short' });
    const q = await h.newQueue();
    await q.register(job);
    const first = await q.enqueue(job, { text: 'a', n: 1 }, { singletonKey: 'user-7' });
    const again = await q.enqueue(job, { text: 'b', n: 2 }, { singletonKey: 'user-7' });
    const other = await q.enqueue(job, { text: 'c', n: 3 }, { singletonKey: 'user-8' });
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it('gives handlers a logger that carries the job name and id', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const job = h.echoJob(async (_p, ctx) => ctx.log.info('hello from the handler'));
    const q = await h.newQueue({ log: pino({ level: 'info' }, sink) });
    await q.register(job);
    await q.startWorkers();
    const id = await q.enqueue(job, { text: 'log', n: 0 });
    await vi.waitFor(() => expect(lines.some((l) => l.msg === 'hello from the handler')).toBe(true));
    expect(lines.find((l) => l.msg === 'hello from the handler')).toMatchObject({
      job: job.name,
      jobId: id,
      attempt: 1,
    });
  });

  it('keeps its tables in the schema it is given', async () => {
    const job = h.echoJob(async () => {});
    const q = await h.newQueue({ schema: 'ff_jobs_alt' });
    await q.register(job);
    const id = await q.enqueue(job, { text: 'alt', n: 0 });
    const rows = await queryRows<{ id: string }>(
      h.db.orm,
      sql`select id from ff_jobs_alt.job where name = ${job.name}`,
    );
    expect(rows.map((r) => r.id)).toEqual([id]);
    // The default schema's pg-boss has never heard of this queue.
    await expect(h.observer().boss.findJobs(job.name)).rejects.toThrow(/does not exist/);
  });
});
