// Baseline of bench/orchestration.ts: the raw pg-boss job round trip (send → worker → complete) on the same
// database kind, with the worker settings FlashFusion's queue uses (one job per fetch, 8 handlers, the same
// polling interval). A handler sends the next job of its chain before it completes, as an engine step
// enqueues its successor in its checkpoint transaction. Times are the database's own created_on/completed_on.
// BENCH_DRIVE=1: also runs the measurement and serves it on /result; every instance serves /ready.
import { createServer } from 'node:http';
import { PGlite } from '@electric-sql/pglite';
import { fromPglite, PgBoss } from 'pg-boss';

const PORT = Number(process.env.PORT);
const DB = String(process.env.BENCH_DB); // a PostgreSQL URL, or a directory for PGlite
const DRIVE = process.env.BENCH_DRIVE === '1';
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const LONE = Number(process.env.BENCH_LONE_RUNS ?? 5);
const STEPS = 10;
const QUEUE = 'bench.hop';
const NOTIFY = process.env.BENCH_NOTIFY === '1';
const BATCH = Number(process.env.BENCH_BATCH ?? 1);
const pglite = DB.startsWith('postgres') ? null : await PGlite.create(DB);
const boss = new PgBoss({
  schema: 'pgboss',
  ...(pglite
    ? { db: fromPglite(pglite), backend: 'pglite' as const }
    : { connectionString: DB, max: 4, application_name: 'bench-pgboss' }),
  // BENCH_NOTIFY=1 (PostgreSQL): workers woken by LISTEN/NOTIFY on each insert, for comparison only.
  ...(NOTIFY ? { useListenNotify: true } : {}),
});
boss.on('error', (err) => console.error(err.message));
await boss.start();
await boss.createQueue(QUEUE, { policy: 'standard', ...(NOTIFY ? { notify: true } : {}) });

type THop = { chain: string; index: number; len: number };
await boss.work<THop>(
  QUEUE,
  {
    // BENCH_BATCH=n (comparison only): n jobs per fetch, fetching again at once while fetches come back full.
    batchSize: BATCH,
    ...(BATCH > 1 ? { burstWhenBatchFull: true } : {}),
    localConcurrency: Number(process.env.BENCH_WORKER_CONCURRENCY ?? 8),
    pollingIntervalSeconds: Number(process.env.BENCH_POLL_SECONDS ?? 2),
    ...(NOTIFY ? { notifyPollingIntervalSeconds: Number(process.env.BENCH_POLL_SECONDS ?? 2) } : {}),
  },
  async (jobs) => {
    for (const job of jobs) {
      const d = job.data;
      if (d.index + 1 < d.len) await boss.send(QUEUE, { ...d, index: d.index + 1 });
    }
  },
);

type TRow = { chain: string; idx: number; created: number; completed: number | null };
async function rows(chains: string[]): Promise<TRow[]> {
  const r = await boss.getDb().executeSql(
    `select data->>'chain' as chain, (data->>'index')::int as idx,
            extract(epoch from created_on) * 1000 as created, extract(epoch from completed_on) * 1000 as completed
       from pgboss.job where name = $1 and data->>'chain' = any($2::text[])`,
    [QUEUE, chains],
  );
  return (r.rows as Record<string, unknown>[]).map((x) => ({
    chain: String(x.chain),
    idx: Number(x.idx),
    created: Number(x.created),
    completed: x.completed === null ? null : Number(x.completed),
  }));
}
async function settle(chains: string[], jobs: number): Promise<TRow[]> {
  const deadline = Date.now() + 600_000;
  for (;;) {
    const r = await rows(chains);
    if (r.filter((x) => x.completed !== null).length >= jobs) return r;
    if (Date.now() > deadline) throw new Error('pg-boss jobs did not complete in 10 minutes');
    await new Promise((res) => setTimeout(res, 50));
  }
}
const rate = (r: TRow[]) =>
  (r.length * 1000) / (Math.max(...r.map((x) => x.completed ?? 0)) - Math.min(...r.map((x) => x.created)));

async function measure() {
  const gaps: number[] = [];
  for (let i = 0; i < LONE + 1; i++) {
    const chain = `lone-${i}`;
    await boss.send(QUEUE, { chain, index: 0, len: STEPS });
    const r = (await settle([chain], STEPS)).sort((a, b) => a.idx - b.idx);
    if (i === 0) continue; // warm-up
    let prev = r[0]!.created;
    for (const x of r) {
      gaps.push(x.completed! - prev);
      prev = x.completed!;
    }
  }
  const chains = Array.from({ length: RUNS }, (_, i) => `seq-${i}`);
  await Promise.all(chains.map((chain) => boss.send(QUEUE, { chain, index: 0, len: STEPS })));
  const seq = rate(await settle(chains, RUNS * STEPS));
  const fans = Array.from({ length: RUNS }, (_, i) => `fan-${i}`);
  // One batch insert per fan-out, as the engine enqueues a run's ready steps in one transaction.
  await Promise.all(
    fans.map((chain) =>
      boss.insert(
        QUEUE,
        Array.from({ length: STEPS }, (_, index) => ({ data: { chain, index, len: 0 } })),
      ),
    ),
  );
  const fan = rate(await settle(fans, RUNS * STEPS));
  gaps.sort((a, b) => a - b);
  return { seqPerSec: seq, fanPerSec: fan, medianHopMs: gaps[Math.floor(gaps.length / 2)] ?? 0 };
}

let result: unknown = null;
let failure: string | null = null;
createServer((req, res) => {
  if (req.url === '/ready') return res.writeHead(200).end('ok');
  if (req.url === '/result' && (result || failure)) {
    res.writeHead(failure ? 500 : 200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify(result ?? { error: failure }));
  }
  res.writeHead(404).end();
}).listen(PORT, '127.0.0.1');
if (DRIVE) {
  measure().then(
    (r) => {
      result = r;
    },
    (err) => {
      failure = String((err as Error).stack ?? err);
    },
  );
}
process.on('SIGTERM', () => {
  boss
    .stop({ graceful: false, close: true })
    .then(() => pglite?.close())
    .finally(() => process.exit(0));
});
