import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Modules } from './modules.ts';
import { openApiDocument } from './openapi-document.ts';
import { apiDocs } from './platform/http/api-docs.ts';
import {
  apiNotFound,
  corsAllowList,
  createErrorHandler,
  createRouter,
  type InFlight,
  limitBody,
  opsRoutes,
  refuseNulBytes,
  requestLogger,
  requireJson,
  type TAppEnv,
} from './platform/http/index.ts';
import { resolveWebDist, serveWebApp } from './platform/http/static-web.ts';
import type { Metrics } from './platform/metrics/index.ts';
import type { Platform } from './platform/platform.ts';

const API_PREFIXES = ['/api/*', '/v1/*'];
const REQUEST_ID = /^[\w.:-]{1,128}$/;

export interface AppOptions {
  platform: Platform;
  /** The business modules, built once per process (server/modules.ts). */
  modules: Modules;
  metrics: Metrics;
  inFlight: InFlight;
  isDraining: () => boolean;
  /** Mounts extra /api/v1 routers (tests use it to exercise the pipeline with routes of their own). */
  extraApiRoutes?: (api: OpenAPIHono<TAppEnv>, modules: Modules) => void;
  webDist?: string;
}

/** Builds the HTTP app: global middleware in a deliberate order, then each module's routes. */
export function createApp(opts: AppOptions): OpenAPIHono<TAppEnv> {
  const { platform, metrics } = opts;
  const { env, log } = platform;
  const serveApi = env.ROLE === 'api' || env.ROLE === 'all';
  const app = new OpenAPIHono<TAppEnv>();

  // 1. Request id first, so every later line of log and every error envelope can carry it. A caller's id is
  //    kept when it is well-formed (tracing through a proxy), replaced otherwise (log injection).
  app.use(
    requestId({ generator: () => crypto.randomUUID(), limitLength: 128 }),
    async function sanitizeRequestId(c, next) {
      if (!REQUEST_ID.test(c.get('requestId'))) c.set('requestId', crypto.randomUUID());
      c.header('X-Request-Id', c.get('requestId'));
      await next();
    },
  );
  // 2. Bookkeeping that must see every request, including the ones later middleware refuses.
  app.use(opts.inFlight.middleware, metrics.middleware, requestLogger(log));
  // 3. Headers on every response, errors included.
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // 4. CORS before any refusal below, so a browser on an allowed origin can read the refusal.
  for (const prefix of API_PREFIXES) app.use(prefix, corsAllowList(env.CORS_ORIGINS));
  // 5. Cheap refusals before anything reads the body; NUL bytes (which PostgreSQL text refuses) after the size
  //    check, so the body they scan is bounded.
  for (const prefix of API_PREFIXES)
    app.use(prefix, limitBody(env.BODY_LIMIT_BYTES), requireJson(), refuseNulBytes());

  app.onError(createErrorHandler(log));
  app.route('/', opsRoutes({ checks: platform.readiness, metrics, isDraining: opts.isDraining }));

  if (serveApi) {
    const { modules } = opts;
    const api = createRouter();
    // Every route is guarded by its own declaration (identity's routers): mounting adds no authentication.
    for (const m of modules.list) m.mount?.(api);
    opts.extraApiRoutes?.(api, modules);
    app.route('/api/v1', api);
    for (const m of modules.list) m.mountRoot?.(app);
    app.get('/api/v1/openapi.json', async (c) =>
      c.json(await openApiDocument(app, modules.identity, env.PUBLIC_URL)),
    );
    app.route('/api/docs', apiDocs());
  }
  for (const prefix of API_PREFIXES) app.all(prefix, apiNotFound);
  if (serveApi) serveWebApp(app, { distDir: opts.webDist ?? resolveWebDist() });
  app.notFound(apiNotFound);
  return app;
}
