import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp } from './app.ts';
import type { TEnv } from './env.ts';
import { createModules, type Modules } from './modules.ts';
import { createInFlight, type TAppEnv } from './platform/http/index.ts';
import type { Logger } from './platform/logger/index.ts';
import { createMetrics } from './platform/metrics/index.ts';
import { type Platform, startPlatform } from './platform/platform.ts';

function closeIdle(server: ServerType) {
  if ('closeIdleConnections' in server) server.closeIdleConnections();
}

export interface RunningServer {
  readonly platform: Platform;
  /** The business modules of this process (identity, AI gateway, orchestration). */
  readonly modules: Modules;
  readonly app: OpenAPIHono<TAppEnv>;
  readonly server: ServerType;
  readonly port: number;
  /** The collaboration endpoint, in every role but worker. */
  readonly collab?: Modules['collaboration'];
  readonly url: string;
  /** Stops accepting, lets in-flight requests and jobs finish (up to SHUTDOWN_TIMEOUT_MS), closes the db. */
  shutdown(reason?: string): Promise<void>;
}

/**
 * Starts one FlashFusion process: platform (db, migrations, Redis, events, cache, queue, secrets), then HTTP,
 * then workers when the role runs them.
 */
export async function startServer(
  env: TEnv,
  log: Logger,
  opts: {
    extraApiRoutes?: (api: OpenAPIHono<TAppEnv>, modules: Modules) => void;
    webDist?: string;
    pgliteDir?: string;
    limitsNamespace?: string;
  } = {},
): Promise<RunningServer> {
  const { pgliteDir, ...appOpts } = opts;
  // A test server's own namespace (its own database on a shared Redis) also keeps its cache apart.
  const cacheNamespace = opts.limitsNamespace ? `ff:cache:${opts.limitsNamespace}` : undefined;
  const platform = await startPlatform(env, log, {
    pgliteDir,
    ...(cacheNamespace ? { cacheNamespace } : {}),
  });
  // Modules are built once per process, whatever its role: workers run workflow steps through the AI gateway,
  // and every process that enqueues workflow jobs needs their definitions.
  const modules = await createModules(platform, { limitsNamespace: opts.limitsNamespace });
  const inFlight = createInFlight();
  let draining = false;
  const app = createApp({
    platform,
    modules,
    metrics: createMetrics(),
    inFlight,
    isDraining: () => draining,
    ...appOpts,
  });

  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => resolve(s));
    s.once('error', reject);
  });
  // Idle keep-alive sockets outlive every client's idle timeout (proxies commonly 60 s; Node's fetch drops a
  // socket 2 s before the advertised timeout): otherwise a client can reuse a socket the server is closing, an
  // ECONNRESET under load. The buffer keeps the socket past the advertised value; headers may take as long.
  const http1 = server as import('node:http').Server;
  http1.keepAliveTimeout = 65_000;
  http1.keepAliveTimeoutBuffer = 5_000;
  http1.headersTimeout = 71_000;
  const port = (server.address() as AddressInfo).port;
  // WebSocket upgrades (collaboration on /api/v1/collab) share the HTTP port once the server listens.
  for (const m of modules.list) m.attach?.(server as import('node:http').Server);
  const url = `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${port}`;

  if (env.ROLE === 'worker' || env.ROLE === 'all') {
    // Scheduled jobs are registered where workers run them.
    for (const m of modules.list) {
      for (const s of m.schedules ?? []) {
        await platform.queue.register(s.job);
        await platform.queue.schedule(s.job, s.cron, s.payload);
      }
      await m.startWorkers?.();
    }
    await platform.queue.startWorkers();
  }
  log.info(
    { url, role: env.ROLE, database: platform.db.kind, redis: Boolean(platform.redis) },
    'FlashFusion started',
  );

  let stopping: Promise<void> | undefined;
  const shutdown = (reason = 'shutdown') => {
    stopping ??= (async () => {
      draining = true;
      log.info({ reason, inFlight: inFlight.count() }, 'shutting down: no new connections');
      // Every acknowledged edit is already stored; detaching compacts open documents and ends the sockets.
      for (const m of modules.list) await m.detach?.();
      const deadline = Date.now() + env.SHUTDOWN_TIMEOUT_MS;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const drained = await inFlight.drained(env.SHUTDOWN_TIMEOUT_MS);
      if (!drained)
        log.warn({ inFlight: inFlight.count() }, 'requests still running at the shutdown deadline');
      // Finished handlers may still be flushing their responses; sockets are closed as each goes idle, and
      // only what is left at the deadline is cut.
      const sweep = setInterval(() => closeIdle(server), 50);
      closeIdle(server);
      await Promise.race([closed, new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
      clearInterval(sweep);
      if ('closeAllConnections' in server) server.closeAllConnections();
      await closed;
      for (const m of [...modules.list].reverse()) await m.close?.();
      await platform.close();
      log.info('shutdown complete');
    })();
    return stopping;
  };
  return { platform, modules, app, server, port, url, collab: modules.collaboration, shutdown };
}
