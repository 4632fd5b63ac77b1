import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/** CORS for the listed origins only; any other origin gets no CORS headers, so browsers refuse it. */
export function corsAllowList(origins: string[]): MiddlewareHandler {
  const allowed = new Set(origins.map((o) => new URL(o).origin));
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    credentials: true,
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization', 'X-Request-Id', 'X-CSRF-Token'],
    exposeHeaders: [
      'X-Request-Id',
      'X-RateLimit-Limit',
      'X-RateLimit-Remaining',
      'X-RateLimit-Reset',
      'Retry-After',
    ],
    maxAge: 600,
  });
}
