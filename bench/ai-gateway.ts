// What FlashFusion's AI gateway costs per call: /v1/chat/completions on the built-in local model through the
// whole pipeline (API-key authentication, rate limit, hourly quota, target resolution, budget reservation and
// settlement, usage record with its event) against the same model behind a bare Hono route, and the same
// gateway answering from its response cache. Servers run one after the other so they never share the CPUs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type LoadTarget, warmThenLoad } from './lib/load.ts';
import { startProcess } from './lib/process.ts';
import { provisionApiKey } from './lib/provision.ts';
import { type BenchResult, newResult, row } from './lib/results.ts';

const ROOT = path.join(import.meta.dirname, '..');
const DURATION_SEC = Number(process.env.BENCH_DURATION ?? 6);
const PORT = Number(process.env.BENCH_PORT ?? 3_491);
const base = `http://127.0.0.1:${PORT}`;
const MESSAGES = [{ role: 'user', content: 'Write a tweet about composting in small city apartments' }];

const chat = (key: string | null, extra: Record<string, unknown>): LoadTarget => ({
  url: `${base}/v1/chat/completions`,
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
  body: JSON.stringify({ model: 'local', messages: MESSAGES, ...extra }),
});

export default async function aiGateway(): Promise<BenchResult> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ff-bench-ai-'));
  let gateway: Awaited<ReturnType<typeof warmThenLoad>>;
  let cached: Awaited<ReturnType<typeof warmThenLoad>>;
  try {
    const ff = await startProcess({
      label: 'FlashFusion',
      args: [path.join(ROOT, 'server/cli.ts'), 'serve'],
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        PUBLIC_URL: base,
        LOG_LEVEL: 'warn',
        // The bench makes tens of thousands of calls in a minute: the starter plan's hourly limits are lifted.
        PLAN_LIMITS: JSON.stringify({ starter: { apiRequestsPerHour: null, aiGenerationsPerHour: null } }),
      },
      readyUrl: `${base}/ready`,
    });
    try {
      const key = await provisionApiKey(base, dataDir);
      gateway = await warmThenLoad(chat(key, { cache: false }), DURATION_SEC);
      cached = await warmThenLoad(chat(key, {}), DURATION_SEC);
    } finally {
      await ff.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  const bare = await startProcess({
    label: 'local model on bare Hono',
    args: [path.join(import.meta.dirname, 'baseline/local-model-hono.ts')],
    env: { PORT: String(PORT), HOST: '127.0.0.1' },
    readyUrl: `${base}/ready`,
  });
  let baseline: Awaited<ReturnType<typeof warmThenLoad>>;
  try {
    baseline = await warmThenLoad(chat(null, {}), DURATION_SEC);
  } finally {
    await bare.stop();
  }
  return newResult('ai-gateway', [
    row(
      'chat completion req/s, local model: gateway (cache off) vs bare Hono',
      'req/s',
      gateway.reqPerSec,
      baseline.reqPerSec,
    ),
    row(
      `chat completion latency ${gateway.percentile}: gateway vs bare Hono`,
      'ms',
      gateway.latencyMs,
      baseline.latencyMs,
    ),
    row(
      'chat completion req/s: gateway cache hit vs bare Hono',
      'req/s',
      cached.reqPerSec,
      baseline.reqPerSec,
    ),
    row(
      `chat completion latency ${cached.percentile}: cache hit vs bare Hono`,
      'ms',
      cached.latencyMs,
      baseline.latencyMs,
    ),
  ]);
}
