import type { MiddlewareHandler } from 'hono';
import { AppError } from '../app-error.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** API writes that carry a body must declare it as JSON; anything else is refused before parsing. */
export function requireJson(): MiddlewareHandler {
  return async function requireJsonMiddleware(c, next) {
    const hasBody = c.req.header('content-length') !== undefined && c.req.header('content-length') !== '0';
    const chunked = c.req.header('transfer-encoding') !== undefined;
    if (WRITES.has(c.req.method) && (hasBody || chunked)) {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
        throw new AppError('VALIDATION_ERROR', 'Content-Type must be application/json', {
          status: 415,
          details: [{ field: 'header.content-type', message: `got ${type || 'nothing'}` }],
        });
      }
    }
    await next();
  };
}
