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
    const line = {
      method: c.req.method,
      url: redactUrl(new URL(c.req.url).pathname + new URL(c.req.url).search),
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    };
    if (status >= 500) log.error(line, 'request failed');
    else log.info(line, 'request completed');
  };
}
