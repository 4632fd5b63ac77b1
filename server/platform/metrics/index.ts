import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly httpTotal: Counter<'method' | 'route' | 'status'>;
  /** Records every request under its route pattern (never the raw path, which would explode cardinality). */
  readonly middleware: MiddlewareHandler;
}

/** A registry per app, with process metrics and the HTTP metrics of SPEC §9. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Duration of HTTP requests in seconds',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const httpTotal = new Counter({
    name: 'http_requests_total',
    help: 'Total HTTP requests',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const middleware: MiddlewareHandler = async function metricsMiddleware(c, next) {
    const end = httpDuration.startTimer();
    await next();
    // After next(), the route index points at the handler that answered, so this is its pattern
    // (e.g. /api/v1/things/:id). Catch-all patterns answering 404 are unknown paths, counted as one label.
    const matched = routePath(c);
    const route = c.res.status === 404 && matched.endsWith('*') ? 'unmatched' : matched;
    const labels = { method: c.req.method, route, status: String(c.res.status) };
    end(labels);
    httpTotal.inc(labels);
  };
  return { registry, httpDuration, httpTotal, middleware };
}
