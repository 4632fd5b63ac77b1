// What the web app costs a visitor: the JavaScript the first load of /sign-in downloads (target: at most
// 250 KB gzipped, issue 7), per chunk, against a bare React 19 + react-dom page built the same way.
// FlashFusion's page comes from the real server (`flashfusion serve` on dist/web, built by `npm run bench`),
// so the session probe and the lazy sign-in chunk load as they do for a user.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { firstLoadScripts, type TChunk } from './lib/browser-load.ts';
import { startProcess } from './lib/process.ts';
import { type BenchResult, newResult, row } from './lib/results.ts';
import { serveDirectory } from './lib/static-server.ts';

const ROOT = path.join(import.meta.dirname, '..');
const PORT = Number(process.env.BENCH_PORT ?? 3_492);
const TARGET_GZIP_KB = 250;

const kb = (bytes: number) => bytes / 1024;
const sum = (chunks: TChunk[], key: 'bytes' | 'gzipBytes') => chunks.reduce((n, c) => n + c[key], 0);

async function measureFlashFusion(): Promise<TChunk[]> {
  if (!existsSync(path.join(ROOT, 'dist/web/index.html'))) {
    await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ff-bench-web-'));
  const base = `http://127.0.0.1:${PORT}`;
  try {
    const ff = await startProcess({
      label: 'FlashFusion',
      args: [path.join(ROOT, 'server/cli.ts'), 'serve'],
      env: { PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: base, LOG_LEVEL: 'warn' },
      readyUrl: `${base}/ready`,
      timeoutMs: 90_000,
    });
    try {
      return await firstLoadScripts(`${base}/sign-in`, 'Sign in');
    } finally {
      await ff.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function measureBaseline(): Promise<TChunk[]> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'ff-bench-hello-'));
  try {
    await build({
      configFile: false,
      root: path.join(import.meta.dirname, 'baseline/web-hello'),
      plugins: [react()],
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    const server = await serveDirectory(outDir);
    try {
      return await firstLoadScripts(`${server.url}/`, 'Hello');
    } finally {
      await server.close();
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

export default async function web(): Promise<BenchResult & { chunks: TChunk[]; baselineChunks: TChunk[] }> {
  const chunks = await measureFlashFusion();
  const baselineChunks = await measureBaseline();
  const gzip = kb(sum(chunks, 'gzipBytes'));
  console.log(
    `  /sign-in first load: ${gzip.toFixed(1)} KB of JavaScript gzipped (target ≤ ${TARGET_GZIP_KB} KB)`,
  );
  for (const c of chunks) console.log(`    ${kb(c.gzipBytes).toFixed(1).padStart(7)} KB  ${c.path}`);
  if (gzip > TARGET_GZIP_KB) console.warn(`  OVER TARGET by ${(gzip - TARGET_GZIP_KB).toFixed(1)} KB`);
  return {
    ...newResult('web', [
      row('sign-in first-load JavaScript, gzipped', 'KB', gzip, kb(sum(baselineChunks, 'gzipBytes'))),
      row(
        'sign-in first-load JavaScript, raw',
        'KB',
        kb(sum(chunks, 'bytes')),
        kb(sum(baselineChunks, 'bytes')),
      ),
      row('sign-in first-load JavaScript files', 'count', chunks.length, baselineChunks.length),
    ]),
    chunks,
    baselineChunks,
  };
}
