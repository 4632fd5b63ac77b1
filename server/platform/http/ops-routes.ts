import { createRoute, z } from '@hono/zod-openapi';
import type { Metrics } from '../metrics/index.ts';
import { createRouter } from './create-router.ts';

export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

const ZCheckStatus = z.enum(['ok', 'unavailable']);
const ZReadySchema = z.object({
  status: z.enum(['ready', 'not_ready', 'draining']),
  checks: z.record(z.string(), ZCheckStatus),
});

const health = createRoute({
  method: 'get',
  path: '/health',
  // Probes of load balancers and orchestrators: no credentials.
  'x-permission': 'public',
  tags: ['operations'],
  summary: 'Liveness: the process is up',
  responses: {
    200: {
      description: 'Alive',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
    },
  },
});

const ready = createRoute({
  method: 'get',
  path: '/ready',
  'x-permission': 'public',
  tags: ['operations'],
  summary: 'Readiness: the database (and Redis when configured) answer',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: ZReadySchema } } },
    503: {
      description: 'Not ready or shutting down',
      content: { 'application/json': { schema: ZReadySchema } },
    },
  },
});

/** Races a check against a deadline so a hung dependency reads as unavailable, not as a hung probe. */
async function within(ms: number, check: () => Promise<void>): Promise<'ok' | 'unavailable'> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  try {
    await Promise.race([check(), deadline]);
    return 'ok';
  } catch {
    return 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}

/** /health, /ready and /metrics: outside /api so probes and scrapers need no credentials. */
export function opsRoutes(opts: { checks: ReadinessCheck[]; metrics: Metrics; isDraining: () => boolean }) {
  const router = createRouter();
  router.openapi(health, (c) => c.json({ status: 'ok' as const }, 200));
  router.openapi(ready, async (c) => {
    const results = await Promise.all(
      opts.checks.map(async (k) => [k.name, await within(2_000, k.check)] as const),
    );
    const checks = Object.fromEntries(results);
    if (opts.isDraining()) return c.json({ status: 'draining' as const, checks }, 503);
    const ok = results.every(([, s]) => s === 'ok');
    return ok
      ? c.json({ status: 'ready' as const, checks }, 200)
      : c.json({ status: 'not_ready' as const, checks }, 503);
  });
  router.get('/metrics', async (c) => {
    c.header('Content-Type', opts.metrics.registry.contentType);
    return c.body(await opts.metrics.registry.metrics());
  });
  return router;
}
