import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { parseEnv } from '../env.ts';
import { type RunningServer, startServer } from '../main.ts';
import type { Modules } from '../modules.ts';
import type { TAppEnv } from '../platform/http/index.ts';
import { createLogger } from '../platform/logger/index.ts';
import {
  createScratchDatabase,
  dropScratchDatabase,
  embeddedTestDataDir,
} from '../platform/testing/test-database.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface TestServer extends RunningServer {
  /** Every log line written so far, parsed. */
  logs(): Record<string, unknown>[];
  /** Raw log text, for checking that secrets never appear. */
  rawLogs(): string;
  stop(): Promise<void>;
}

/**
 * A real FlashFusion process-in-a-test on port 0: embedded PGlite in a temp dir by default, or a scratch
 * PostgreSQL database and Redis when the services suite provides them.
 */
export async function startTestServer(
  opts: {
    env?: Record<string, string>;
    extraApiRoutes?: (api: OpenAPIHono<TAppEnv>, modules: Modules) => void;
    webDist?: string;
    /** Keep the embedded database on disk in DATA_DIR instead of in memory (slower to create). */
    onDisk?: boolean;
    /** Counters and cache namespace; give it to a peer process that must share them (one instance). */
    namespace?: string;
  } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ff-test-'));
  const adminUrl = process.env.TEST_DATABASE_URL;
  const databaseUrl = adminUrl ? await createScratchDatabase(adminUrl) : undefined;
  // The port is chosen before start so PUBLIC_URL (links in mail, trusted origin) names the real address.
  const port = await freePort();
  const env = parseEnv({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    SHUTDOWN_TIMEOUT_MS: '5000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...(process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
    ...opts.env,
  });
  let raw = '';
  const sink = new Writable({
    write(chunk, _enc, cb) {
      raw += chunk.toString();
      cb();
    },
  });
  const log = createLogger({ level: env.LOG_LEVEL, destination: sink });
  // A fresh on-disk PGlite costs an initdb; a copy of the run's migrated template (or memory) is the same
  // engine, faster. onDisk keeps the real first-start path in DATA_DIR.
  const pgliteDir = opts.onDisk || databaseUrl ? undefined : embeddedTestDataDir();
  const running = await startServer(env, log, {
    extraApiRoutes: opts.extraApiRoutes,
    webDist: opts.webDist,
    pgliteDir,
    limitsNamespace: opts.namespace ?? `test-${crypto.randomUUID().slice(0, 8)}-`,
  });
  return {
    ...running,
    logs: () =>
      raw
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    rawLogs: () => raw,
    async stop() {
      await running.shutdown('test');
      rmSync(dataDir, { recursive: true, force: true });
      if (pgliteDir && pgliteDir !== 'memory://') rmSync(pgliteDir, { recursive: true, force: true });
      if (adminUrl && databaseUrl) await dropScratchDatabase(adminUrl, databaseUrl);
    },
  };
}
