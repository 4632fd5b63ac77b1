import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../../env.ts';
import { type RunningServer, startServer } from '../../../main.ts';
import { createLogger } from '../../../platform/logger/index.ts';
import {
  createScratchDatabase,
  dropScratchDatabase,
  embeddedTestDataDir,
} from '../../../platform/testing/test-database.ts';
import { call, memberWithKey, type TestServer } from '../../../testing/api.test-kit.ts';

// A full restart: the process holding a run suspended on an approval shuts down completely (HTTP, workers,
// queue, database closed); a new process on the same data (embedded PGlite directory, or the same PostgreSQL
// database under the services config) takes the decision through the API and finishes the run, without
// running the step that was already checkpointed before the approval.
const adminUrl = process.env.TEST_DATABASE_URL;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ff-approval-restart-'));
const template = embeddedTestDataDir();
// In memory would not survive the restart: then the real on-disk first start in DATA_DIR.
const pgliteDir = template === 'memory://' ? undefined : template;
let databaseUrl: string | undefined;
let current: RunningServer | undefined;

async function start(): Promise<RunningServer> {
  databaseUrl ??= adminUrl ? await createScratchDatabase(adminUrl) : undefined;
  const env = parseEnv({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SHUTDOWN_TIMEOUT_MS: '5000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...(process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
  });
  const log = createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
  current = await startServer(env, log, {
    pgliteDir,
    limitsNamespace: `t-${crypto.randomUUID().slice(0, 8)}-`,
  });
  return current;
}

afterAll(async () => {
  await current?.shutdown('test');
  rmSync(dataDir, { recursive: true, force: true });
  if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  if (adminUrl && databaseUrl) await dropScratchDatabase(adminUrl, databaseUrl);
}, 60_000);

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met: ${JSON.stringify(v).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('approval across a full restart', () => {
  it('a new process on the same data takes the decision and finishes the run', async () => {
    const first = await start();
    const m = await memberWithKey(first as TestServer);
    const created = await call(first, m, 'POST', '/api/v1/workflows', {
      name: 'restartable',
      definition: {
        steps: [
          { id: 'draft', type: 'llm', prompt: 'Draft a note on {{ input.topic }}' },
          {
            id: 'ok',
            type: 'approval',
            message: 'Publish the {{ input.topic }} note?',
            dependsOn: ['draft'],
          },
          { id: 'publish', type: 'llm', prompt: 'Publish: {{ steps.draft.output.text }}', dependsOn: ['ok'] },
        ],
      },
    });
    expect(created.status, created.text).toBe(201);
    const started = await call(first, m, 'POST', `/api/v1/workflows/${created.body.id}/execute`, {
      input: { topic: 'tides' },
    });
    const runId = started.body.runId as string;
    const pending = await until(
      () => call(first, m, 'GET', `/api/v1/approvals?runId=${runId}`),
      (r) => r.body.data?.length === 1,
    );
    const before = await until(
      () => call(first, m, 'GET', `/api/v1/runs/${runId}`),
      (r) => r.body.status === 'waiting',
    );
    await first.shutdown('restart');
    current = undefined;

    const second = await start();
    expect(second.url).not.toBe(first.url);
    const listed = await call(second, m, 'GET', `/api/v1/approvals?runId=${runId}`);
    expect(listed.body.data).toMatchObject([{ id: pending.body.data[0].id, status: 'pending' }]);
    const decided = await call(second, m, 'POST', `/api/v1/approvals/${pending.body.data[0].id}/decide`, {
      decision: 'approved',
      comment: 'after the restart',
    });
    expect(decided.status, decided.text).toBe(200);
    const done = await until(
      () => call(second, m, 'GET', `/api/v1/runs/${runId}`),
      (r) => ['succeeded', 'failed'].includes(r.body.status),
    );
    expect(done.body.status).toBe('succeeded');
    const steps = new Map<string, { status: string; attempts: number; output: unknown; finishedAt: string }>(
      done.body.steps.map((x: { stepId: string }) => [x.stepId, x]),
    );
    // The checkpointed draft was not run again; the decision is the approval step's output.
    expect(steps.get('draft')).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(steps.get('draft')?.finishedAt).toBe(
      before.body.steps.find((x: { stepId: string }) => x.stepId === 'draft').finishedAt,
    );
    expect(steps.get('ok')?.output).toMatchObject({ decision: 'approved', comment: 'after the restart' });
    expect(steps.get('publish')).toMatchObject({ status: 'succeeded', attempts: 1 });
  }, 120_000);
});
