// What a durable workflow step costs: FlashFusion's engine (each step claimed, executed, checkpointed in its
// tables, the next one enqueued through pg-boss) running a 10-step chain of no-op transform steps and a
// 10-wide fan-out of them, against the raw pg-boss job round trip (send → worker → complete) measured the same
// way in the same run. On PGlite (one process) and on PostgreSQL with one and two worker processes; every
// setup gets a fresh database. Steps/s counts every step of RUNS runs started at once, from the first run's
// creation to the last run's end (database timestamps); the per-step overhead is the median time from one
// step's end to the next's in runs started one at a time (the first from the run's creation).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { type Started, startProcess } from './lib/process.ts';
import { postJson, provisionApiKey } from './lib/provision.ts';
import { type BenchResult, type BenchRow, newResult, row } from './lib/results.ts';

const ROOT = path.join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const LONE = Number(process.env.BENCH_LONE_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3_493);
const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://flashfusion:flashfusion@127.0.0.1:5432/flashfusion';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const WORKER_CONCURRENCY = 8;
// One organization runs everything here, so its line is widened to every worker slot: the bench measures
// the engine's step path, not the per-tenant cap (which engine-fairness.test.ts covers).
const ORG_CONCURRENCY = WORKER_CONCURRENCY * 2;
const STEPS = 10;

type TSetup = { db: 'PGlite' | 'PostgreSQL'; workers: 1 | 2 };
type TFigures = { seqPerSec: number; fanPerSec: number; medianHopMs: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ff_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The engine: FlashFusion servers (the first serves the API too), driven through the public API. */
async function engineFigures(setup: TSetup, dbUrl: string | null, dirs: string[]): Promise<TFigures> {
  const base = `http://127.0.0.1:${PORT}`;
  const masterKey = randomBytes(32).toString('base64');
  const procs: Started[] = [];
  try {
    for (let i = 0; i < setup.workers; i++) {
      const port = PORT + i;
      procs.push(
        await startProcess({
          label: `FlashFusion ${i}`,
          args: [path.join(ROOT, 'server/cli.ts'), 'serve'],
          env: {
            PORT: String(port),
            HOST: '127.0.0.1',
            DATA_DIR: dirs[i]!,
            PUBLIC_URL: `http://127.0.0.1:${port}`,
            LOG_LEVEL: 'warn',
            ROLE: i === 0 ? 'all' : 'worker',
            MASTER_KEY: masterKey,
            ORCHESTRATION_WORKER_CONCURRENCY: String(WORKER_CONCURRENCY),
            ORCHESTRATION_ORG_CONCURRENCY: String(ORG_CONCURRENCY),
            PLAN_LIMITS: JSON.stringify({
              starter: { apiRequestsPerHour: null, aiGenerationsPerHour: null },
            }),
            ...(dbUrl ? { DATABASE_URL: dbUrl, REDIS_URL } : {}),
          },
          readyUrl: `http://127.0.0.1:${port}/ready`,
          timeoutMs: 120_000,
        }),
      );
    }
    const key = await provisionApiKey(base, dirs[0]!);
    const auth = { authorization: `Bearer ${key}` };
    const get = async (p: string) => {
      const res = await fetch(base + p, { headers: auth });
      if (res.status >= 400) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      // biome-ignore lint/suspicious/noExplicitAny: API bodies read field by field below.
      return (await res.json()) as any;
    };
    const workflow = async (name: string, chained: boolean) => {
      const steps = Array.from({ length: STEPS }, (_, i) => ({
        id: `s${i}`,
        type: 'transform',
        code: 'return 1',
        ...(chained && i > 0 ? { dependsOn: [`s${i - 1}`] } : {}),
      }));
      const res = await postJson(base, '/api/v1/workflows', { name, definition: { steps } }, auth);
      return ((await res.json()) as { id: string }).id;
    };
    const execute = async (wf: string) => {
      const res = await postJson(base, `/api/v1/workflows/${wf}/execute`, { input: {} }, auth);
      return ((await res.json()) as { runId: string }).runId;
    };
    const finished = async (ids: string[]) => {
      const deadline = Date.now() + 600_000;
      const done = new Map<
        string,
        { createdAt: string; finishedAt: string; steps: { finishedAt: string }[] }
      >();
      while (done.size < ids.length) {
        if (Date.now() > deadline) throw new Error('runs did not finish in 10 minutes');
        for (const id of ids.filter((x) => !done.has(x))) {
          const r = await get(`/api/v1/runs/${id}`);
          if (r.status === 'failed' || r.status === 'cancelled')
            throw new Error(`run ${id} ${r.status}: ${r.error}`);
          if (r.status === 'succeeded') done.set(id, r);
        }
        await sleep(100);
      }
      return [...done.values()];
    };
    const rate = (runs: { createdAt: string; finishedAt: string }[]) =>
      (runs.length * STEPS * 1000) /
      (Math.max(...runs.map((r) => Date.parse(r.finishedAt))) -
        Math.min(...runs.map((r) => Date.parse(r.createdAt))));

    const seq = await workflow('chain', true);
    const fan = await workflow('fan-out', false);
    await finished([await execute(seq), await execute(fan)]); // warm-up: sandbox threads, caches
    const gaps: number[] = [];
    for (let i = 0; i < LONE; i++) {
      const [run] = await finished([await execute(seq)]);
      let prev = Date.parse(run!.createdAt);
      for (const f of run!.steps.map((s) => Date.parse(s.finishedAt)).sort((a, b) => a - b)) {
        gaps.push(f - prev);
        prev = f;
      }
    }
    const seqRuns = await Promise.all(Array.from({ length: RUNS }, () => execute(seq)));
    const seqPerSec = rate(await finished(seqRuns));
    const fanRuns = await Promise.all(Array.from({ length: RUNS }, () => execute(fan)));
    const fanPerSec = rate(await finished(fanRuns));
    return { seqPerSec, fanPerSec, medianHopMs: median(gaps) };
  } finally {
    for (const p of procs.reverse()) await p.stop();
  }
}

/** The baseline: raw pg-boss processes on a database of the same kind (the first one drives). */
async function baselineFigures(setup: TSetup, db: string): Promise<TFigures> {
  const procs: Started[] = [];
  try {
    // Workers first, so the driver's measurement starts with every worker polling.
    for (let i = setup.workers - 1; i >= 0; i--) {
      const port = PORT + 10 + i;
      procs.push(
        await startProcess({
          label: `pg-boss ${i}`,
          args: [path.join(import.meta.dirname, 'baseline/pgboss-roundtrip.ts')],
          env: {
            PORT: String(port),
            BENCH_DB: db,
            BENCH_DRIVE: i === 0 ? '1' : '0',
            BENCH_RUNS: String(RUNS),
            BENCH_LONE_RUNS: String(LONE),
            BENCH_WORKER_CONCURRENCY: String(WORKER_CONCURRENCY),
          },
          readyUrl: `http://127.0.0.1:${port}/ready`,
          timeoutMs: 120_000,
        }),
      );
    }
    const url = `http://127.0.0.1:${PORT + 10}/result`;
    const deadline = Date.now() + 900_000;
    for (;;) {
      const res = await fetch(url);
      if (res.status === 200) return (await res.json()) as TFigures;
      if (res.status === 500) throw new Error(`pg-boss baseline failed: ${await res.text()}`);
      if (Date.now() > deadline) throw new Error('pg-boss baseline did not finish');
      await sleep(250);
    }
  } finally {
    for (const p of procs.reverse()) await p.stop();
  }
}

async function measureSetup(setup: TSetup): Promise<BenchRow[]> {
  const dirs = await Promise.all([0, 1].map(() => mkdtemp(path.join(tmpdir(), 'ff-bench-orch-'))));
  const cleanups: (() => Promise<void>)[] = dirs.map((d) => () => rm(d, { recursive: true, force: true }));
  try {
    let engine: TFigures;
    let baseline: TFigures;
    if (setup.db === 'PGlite') {
      engine = await engineFigures(setup, null, dirs);
      baseline = await baselineFigures(setup, path.join(dirs[1]!, 'pgboss-pgdata'));
    } else {
      const a = await freshDatabase();
      cleanups.push(a.drop);
      engine = await engineFigures(setup, a.url, dirs);
      const b = await freshDatabase();
      cleanups.push(b.drop);
      baseline = await baselineFigures(setup, b.url);
    }
    const where = `${setup.db}, ${setup.workers} worker${setup.workers > 1 ? 's' : ''}`;
    console.log(`  ${where}: engine ${JSON.stringify(engine)} pg-boss ${JSON.stringify(baseline)}`);
    return [
      row(
        `10-step chain, durable steps/s vs pg-boss jobs/s (${where})`,
        'steps/s',
        engine.seqPerSec,
        baseline.seqPerSec,
      ),
      row(
        `10-wide fan-out, durable steps/s vs pg-boss jobs/s (${where})`,
        'steps/s',
        engine.fanPerSec,
        baseline.fanPerSec,
      ),
      row(
        `median per-step overhead vs pg-boss round trip (${where})`,
        'ms',
        engine.medianHopMs,
        baseline.medianHopMs,
      ),
    ];
  } finally {
    for (const c of cleanups) await c().catch(() => {});
  }
}

export default async function orchestration(): Promise<BenchResult> {
  const setups: TSetup[] = [
    // PGlite is one process's embedded database: a second worker process cannot open it.
    { db: 'PGlite', workers: 1 },
    { db: 'PostgreSQL', workers: 1 },
    { db: 'PostgreSQL', workers: 2 },
  ];
  const only = process.env.BENCH_SETUPS?.split(',');
  const rows: BenchRow[] = [];
  for (const s of setups) {
    if (only && !only.includes(`${s.db}-${s.workers}`)) continue;
    rows.push(...(await measureSetup(s)));
  }
  return newResult('orchestration', rows);
}
