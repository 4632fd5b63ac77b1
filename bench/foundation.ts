// What the platform costs over a bare Hono server: throughput and tail latency on a trivial and a
// database-reading route, time from spawn to ready, and idle memory. Servers run one after the other so
// they never compete for the CPUs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type LoadResult, median, warmThenLoad } from './lib/load.ts';
import { idleRssMiB, type StartOptions, startProcess } from './lib/process.ts';
import { type BenchResult, type BenchRow, newResult, row } from './lib/results.ts';

const ROOT = path.join(import.meta.dirname, '..');
const DURATION_SEC = Number(process.env.BENCH_DURATION ?? 6);
const STARTS = Number(process.env.BENCH_STARTS ?? 3);
// Below the kernel's ephemeral range (32768+), so no outgoing connection can be holding it.
const PORT = Number(process.env.BENCH_PORT ?? 3_490);

interface Side {
  label: string;
  options: (dataDir: string) => StartOptions;
  trivialPath: string;
  readPath: string;
}

interface Measured {
  readyMs: number;
  rssMiB: number;
  trivial: LoadResult;
  read: LoadResult;
}

const base = `http://127.0.0.1:${PORT}`;

const FLASHFUSION: Side = {
  label: 'FlashFusion',
  options: (dataDir) => ({
    label: 'FlashFusion',
    args: [path.join(ROOT, 'server/cli.ts'), 'serve'],
    env: { PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    readyUrl: `${base}/ready`,
  }),
  trivialPath: '/health',
  readPath: '/api/v1/system/migrations',
};

const BASELINE: Side = {
  label: 'bare Hono',
  options: () => ({
    label: 'bare Hono',
    args: [path.join(import.meta.dirname, 'baseline/hello-hono.ts')],
    env: { PORT: String(PORT), HOST: '127.0.0.1' },
    readyUrl: `${base}/`,
  }),
  trivialPath: '/',
  readPath: '/json',
};

const HONO_PGLITE: Side = {
  label: 'bare Hono + PGlite',
  options: (dataDir) => ({
    label: 'bare Hono + PGlite',
    args: [path.join(import.meta.dirname, 'baseline/hono-pglite.ts')],
    env: { PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir },
    readyUrl: `${base}/ready`,
  }),
  trivialPath: '/ready',
  readPath: '/read',
};

/** Starts a side STARTS times on a fresh data dir; load-tests only the first start to keep the run short. */
async function measure(side: Side): Promise<Measured> {
  const readyMs: number[] = [];
  const rss: number[] = [];
  let trivial: LoadResult | undefined;
  let read: LoadResult | undefined;
  for (let i = 0; i < STARTS; i++) {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'ff-bench-'));
    try {
      const server = await startProcess(side.options(dataDir));
      try {
        readyMs.push(server.readyMs);
        rss.push(await idleRssMiB(server.pid));
        if (i === 0) {
          trivial = await warmThenLoad(base + side.trivialPath, DURATION_SEC);
          read = await warmThenLoad(base + side.readPath, DURATION_SEC);
        }
      } finally {
        await server.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    console.log(`  ${side.label} start ${i + 1}/${STARTS}: ready in ${Math.round(readyMs.at(-1) ?? 0)} ms`);
  }
  if (!trivial || !read) throw new Error(`${side.label}: no load results`);
  return { readyMs: median(readyMs), rssMiB: median(rss), trivial, read };
}

const latencyLabel = (a: LoadResult, b: LoadResult) =>
  a.percentile === 'p99' && b.percentile === 'p99' ? 'latency p99' : 'latency p97.5 (autocannon gave no p99)';

/** Runs the foundation bench: FlashFusion against the bare Hono baseline. */
export default async function foundation(): Promise<BenchResult> {
  const ff = await measure(FLASHFUSION);
  const hono = await measure(BASELINE);
  const honoDb = await measure(HONO_PGLITE);
  const rows: BenchRow[] = [
    row('trivial route req/s: /health vs /', 'req/s', ff.trivial.reqPerSec, hono.trivial.reqPerSec),
    row(
      `trivial route ${latencyLabel(ff.trivial, hono.trivial)}`,
      'ms',
      ff.trivial.latencyMs,
      hono.trivial.latencyMs,
    ),
    row(
      'db-read route req/s: /api/v1/system/migrations vs /json',
      'req/s',
      ff.read.reqPerSec,
      hono.read.reqPerSec,
    ),
    row(`db-read route ${latencyLabel(ff.read, hono.read)}`, 'ms', ff.read.latencyMs, hono.read.latencyMs),
    row(`spawn to ready, median of ${STARTS} (FF: fresh db + migrations)`, 'ms', ff.readyMs, hono.readyMs),
    row(`idle RSS 2 s after ready, median of ${STARTS}`, 'MiB', ff.rssMiB, hono.rssMiB),
    // Against bare Hono + PGlite: what the platform adds on top of the embedded database itself.
    row('db-read req/s vs bare Hono + PGlite, same query', 'req/s', ff.read.reqPerSec, honoDb.read.reqPerSec),
    row(
      `db-read ${latencyLabel(ff.read, honoDb.read)} vs bare Hono + PGlite`,
      'ms',
      ff.read.latencyMs,
      honoDb.read.latencyMs,
    ),
    row(
      `spawn to ready vs bare Hono + PGlite (fresh db), median of ${STARTS}`,
      'ms',
      ff.readyMs,
      honoDb.readyMs,
    ),
    row(`idle RSS vs bare Hono + PGlite, median of ${STARTS}`, 'MiB', ff.rssMiB, honoDb.rssMiB),
  ];
  return newResult('foundation', rows);
}
