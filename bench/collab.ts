// What FlashFusion's collaboration endpoint costs over a stock Hocuspocus server: 500 clients in 50
// documents (10 each) on one process; the latency from an update on one client to its arrival at each of the
// other nine (FlashFusion authenticates every connection, authorizes every document against PostgreSQL/PGlite
// and writes every update to the database before it is broadcast), and the server's memory per open document.
// The servers run one after the other so they never share the CPUs; the clients live in this process, so
// sending and arrival are read from one clock (and their own work is in every figure, both sides alike).
// With BENCH_DATABASE_URL (an admin connection string) FlashFusion is measured on PostgreSQL too.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import pg from 'pg';
import * as Y from 'yjs';
import { idleRssMiB, startProcess } from './lib/process.ts';
import { postJson, provisionApiKey } from './lib/provision.ts';
import { type BenchResult, newResult, row } from './lib/results.ts';

const ROOT = path.join(import.meta.dirname, '..');
const PORT = Number(process.env.BENCH_PORT ?? 3_492);
const DOCUMENTS = Number(process.env.BENCH_COLLAB_DOCS ?? 50);
const PER_DOCUMENT = Number(process.env.BENCH_COLLAB_CLIENTS_PER_DOC ?? 10);
const ROUNDS = Number(process.env.BENCH_COLLAB_ROUNDS ?? 30);
const WARMUP_ROUNDS = 3;
const base = `http://127.0.0.1:${PORT}`;

type TClient = { doc: Y.Doc; provider: HocuspocusProvider; socket: HocuspocusProviderWebsocket };
type TSide = { label: string; url: string; token: string; names: string[]; pid: number };

/** A user, an organization, an API key and a project, through the API as a new user would (README tour). */
async function provision(dataDir: string): Promise<{ key: string; projectId: string }> {
  const key = await provisionApiKey(base, dataDir);
  const created = await postJson(
    base,
    '/api/v1/projects',
    { name: 'Bench', type: 'web-app' },
    { authorization: `Bearer ${key}` },
  );
  return { key, projectId: ((await created.json()) as { id: string }).id };
}

async function connect(url: string, name: string, token: string): Promise<TClient> {
  const socket = new HocuspocusProviderWebsocket({ url, maxAttempts: 1 });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token });
  const synced = new Promise<void>((resolve, reject) => {
    provider.on('synced', () => resolve());
    provider.on('authenticationFailed', ({ reason }: { reason: string }) =>
      reject(new Error(`${name}: ${reason}`)),
    );
    setTimeout(() => reject(new Error(`${name}: not synced in 30 s`)), 30_000).unref();
  });
  provider.attach();
  await synced;
  return { doc, provider, socket };
}

/** Connects `count` clients at a time at most, so the handshakes do not all land in one instant. */
async function connectAll(side: TSide, names: string[]): Promise<TClient[]> {
  const clients: TClient[] = [];
  for (let i = 0; i < names.length; i += 25) {
    clients.push(...(await Promise.all(names.slice(i, i + 25).map((n) => connect(side.url, n, side.token)))));
  }
  return clients;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

/**
 * Each round, one client per document (a different one each round) writes one small update; the round ends
 * when it has reached the nine others. Latency is measured per arrival.
 */
async function measureLatency(groups: TClient[][]): Promise<number[]> {
  const samples: number[] = [];
  const sentAt = new Map<string, number>();
  let pending = 0;
  let roundDone: (() => void) | undefined;
  let recording = false;
  groups.forEach((group, d) => {
    for (const c of group) {
      c.doc.getMap('bench').observe((event) => {
        if (event.transaction.local) return;
        const id = c.doc.getMap('bench').get('t') as string;
        const t0 = sentAt.get(`${d}:${id}`);
        if (t0 === undefined) return;
        if (recording) samples.push(performance.now() - t0);
        if (--pending === 0) roundDone?.();
      });
    }
  });
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    recording = round >= WARMUP_ROUNDS;
    pending = groups.reduce((n, g) => n + g.length - 1, 0);
    const done = new Promise<void>((resolve, reject) => {
      roundDone = resolve;
      setTimeout(
        () => reject(new Error(`round ${round}: ${pending} arrivals missing after 30 s`)),
        30_000,
      ).unref();
    });
    groups.forEach((group, d) => {
      const writer = group[round % group.length];
      if (!writer) return;
      const id = `${round}`;
      sentAt.set(`${d}:${id}`, performance.now());
      writer.doc.getMap('bench').set('t', id);
      writer.doc.getText('body').insert(0, `r${round} `);
    });
    await done;
    await sleep(20);
  }
  return samples.sort((a, b) => a - b);
}

type TMeasured = { p50: number; p99: number; rssPerDoc: number; rssAll: number };

async function measure(side: TSide): Promise<TMeasured> {
  // One client per document: the latency set's documents, then as many more, measured between the two, so
  // what settles after start-up (provisioning, JIT, the database's caches) is not counted as documents.
  const firsts = await connectAll(side, side.names);
  const rssBefore = await idleRssMiB(side.pid, 3000);
  const extra = await connectAll(
    side,
    side.names.map((n) => `${n}-mem`),
  );
  const rssAfter = await idleRssMiB(side.pid, 3000);
  for (const c of extra) {
    c.provider.destroy();
    c.socket.destroy();
  }
  const rest = await connectAll(
    side,
    side.names.flatMap((n) => Array.from({ length: PER_DOCUMENT - 1 }, () => n)),
  );
  const groups = side.names.map((_, d) => [
    firsts[d] as TClient,
    ...rest.slice(d * (PER_DOCUMENT - 1), (d + 1) * (PER_DOCUMENT - 1)),
  ]);
  const samples = await measureLatency(groups);
  const rssAll = await idleRssMiB(side.pid);
  for (const c of [...firsts, ...rest]) {
    c.provider.destroy();
    c.socket.destroy();
  }
  console.log(`  ${side.label}: ${samples.length} arrivals measured`);
  return {
    p50: quantile(samples, 0.5),
    p99: quantile(samples, 0.99),
    rssPerDoc: (rssAfter - rssBefore) / side.names.length,
    rssAll,
  };
}

/** FlashFusion on a fresh data dir (PGlite) or, given databaseUrl, on that PostgreSQL database. */
async function measureFlashFusion(label: string, databaseUrl?: string): Promise<TMeasured> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ff-bench-collab-'));
  try {
    const server = await startProcess({
      label,
      // BENCH_COLLAB_PROF_DIR: a V8 CPU profile of the server, written when it stops (where the time goes).
      args: [
        ...(process.env.BENCH_COLLAB_PROF_DIR
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_COLLAB_PROF_DIR}`]
          : []),
        path.join(ROOT, 'server/cli.ts'),
        'serve',
      ],
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        PUBLIC_URL: base,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      },
      readyUrl: `${base}/ready`,
      timeoutMs: 120_000,
    });
    try {
      const { key, projectId } = await provision(dataDir);
      const names = Array.from({ length: DOCUMENTS }, (_, i) => `file:${projectId}:src/doc-${i}.md`);
      const url = `ws://127.0.0.1:${PORT}/api/v1/collab`;
      return await measure({ label, url, token: key, names, pid: server.pid });
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function measurePlain(): Promise<TMeasured> {
  const server = await startProcess({
    label: 'plain Hocuspocus',
    args: [path.join(import.meta.dirname, 'baseline/plain-hocuspocus.ts')],
    env: { PORT: String(PORT), HOST: '127.0.0.1' },
    readyUrl: `${base}/`,
  });
  try {
    const names = Array.from({ length: DOCUMENTS }, (_, i) => `doc-${i}`);
    return await measure({
      label: 'plain Hocuspocus',
      url: `ws://127.0.0.1:${PORT}`,
      token: 'none',
      names,
      pid: server.pid,
    });
  } finally {
    await server.stop();
  }
}

/** A new empty database beside BENCH_DATABASE_URL's (an admin connection), dropped afterwards. */
async function withScratchDatabase<T>(adminUrl: string, run: (url: string) => Promise<T>): Promise<T> {
  const name = `ff_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await run(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
}

export default async function collab(): Promise<BenchResult> {
  const ff = await measureFlashFusion('FlashFusion (PGlite)');
  const adminUrl = process.env.BENCH_DATABASE_URL;
  const ffPg = adminUrl
    ? await withScratchDatabase(adminUrl, (url) => measureFlashFusion('FlashFusion (PostgreSQL)', url))
    : undefined;
  const plain = await measurePlain();
  const clients = DOCUMENTS * PER_DOCUMENT;
  const rows = [
    row(
      `update → other clients p50, ${clients} clients in ${DOCUMENTS} docs (PGlite)`,
      'ms',
      ff.p50,
      plain.p50,
    ),
    row(
      `update → other clients p99, ${clients} clients in ${DOCUMENTS} docs (PGlite)`,
      'ms',
      ff.p99,
      plain.p99,
    ),
    row('server RSS per open document, 1 client each (PGlite)', 'MiB', ff.rssPerDoc, plain.rssPerDoc),
    row(`server RSS with ${clients} clients connected (PGlite)`, 'MiB', ff.rssAll, plain.rssAll),
  ];
  if (ffPg) {
    rows.push(
      row(`update → other clients p50, ${clients} clients (PostgreSQL)`, 'ms', ffPg.p50, plain.p50),
      row(`update → other clients p99, ${clients} clients (PostgreSQL)`, 'ms', ffPg.p99, plain.p99),
      row('server RSS per open document, 1 client each (PostgreSQL)', 'MiB', ffPg.rssPerDoc, plain.rssPerDoc),
      row(`server RSS with ${clients} clients connected (PostgreSQL)`, 'MiB', ffPg.rssAll, plain.rssAll),
    );
  }
  return newResult('collab', rows);
}
