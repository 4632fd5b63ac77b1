import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { redactUrl } from '../../logger/index.ts';
import type { TAppEnv } from '../types.ts';

/** Gives each request a child logger carrying its id, and logs one line when it completes. */
export function requestLogger(baseLog: Logger): MiddlewareHandler<TAppEnv> {
  return async function requestLoggerMiddleware(c, next) {
    const log = baseLog.child({ requestId: c.get('requestId') });
    c.set('log', log);
    const started = performance.now();
    await next();
    const status = c.res.status;
    const level = status >= 500 ? 'error' : 'info';
    // Skip building the line at all when the level is off: this runs on every request.
    if (!log.isLevelEnabled(level)) return;
    const url = new URL(c.req.url);
    const line = {
      method: c.req.method,
      url: redactUrl(url.pathname + url.search),
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    };
    log[level](line, status >= 500 ? 'request failed' : 'request completed');
  };
}
