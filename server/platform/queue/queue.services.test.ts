import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { PEER_JOB } from './fixtures/peer-job.ts';
import { createQueue, type PgBossQueue } from './index.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'worker.test-peer.ts');

type TLine = { event: 'ready' | 'ran'; pid: number; jobId?: string; payload?: unknown };

/** Resolves with the first JSON line from the child that matches, or rejects on timeout or exit. */
function waitForLine(child: ChildProcess, match: (l: TLine) => boolean, timeoutMs: number): Promise<TLine> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    const done = (fn: () => void) => {
      clearTimeout(timer);
      rl.close();
      child.off('exit', onExit);
      fn();
    };
    const timer = setTimeout(
      () => done(() => reject(new Error(`no matching line in ${timeoutMs} ms`))),
      timeoutMs,
    );
    const onExit = (code: number | null) => done(() => reject(new Error(`worker-peer exited with ${code}`)));
    child.once('exit', onExit);
    rl.on('line', (text) => {
      let line: TLine;
      try {
        line = JSON.parse(text) as TLine;
      } catch {
        return;
      }
      if (match(line)) done(() => resolve(line));
    });
  });
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('job queue across two processes on PostgreSQL', () => {
  let db: Database;
  let url: string;
  let cleanup: () => Promise<void>;
  let queue: PgBossQueue;
  let child: ChildProcess | undefined;
  let stderr = '';
  let ranInA = false;

  beforeAll(async () => {
    const t = await createTestDatabase();
    ({ db, cleanup } = t);
    url = t.url!;
    queue = await createQueue({ db, databaseUrl: url, log: pino({ level: 'silent' }) });
    // The same job as process B, but a handler that would reveal it if A ever ran it.
    await queue.register({
      ...PEER_JOB,
      handler: async () => {
        ranInA = true;
      },
    });
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await queue?.stop({ graceful: false });
    await cleanup?.();
  });

  it('a job enqueued by process A is run by worker process B', async () => {
    const payload = { text: 'from A', nonce: randomUUID() };
    const jobId = await queue.enqueue(PEER_JOB, payload);

    child = spawn(process.execPath, [FIXTURE], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });

    const ran = await waitForLine(child, (l) => l.event === 'ran' && l.jobId === jobId, 30_000).catch(
      (err) => {
        throw new Error(`${(err as Error).message}; worker-peer stderr:\n${stderr}`);
      },
    );
    expect(ran.payload).toEqual(payload);
    expect(ran.pid).toBe(child.pid);
    expect(ran.pid).not.toBe(process.pid);

    // A registered the job but never started workers: it has none, and its handler never ran.
    expect(queue.boss.getWipData()).toEqual([]);
    expect(ranInA).toBe(false);
    await expect
      .poll(async () => (await queue.boss.findJobs(PEER_JOB.name, { id: jobId }))[0]?.state, {
        timeout: 5_000,
      })
      .toBe('completed');
  });
});
