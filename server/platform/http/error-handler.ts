import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { AppError, type TErrorCode } from './app-error.ts';
import { sendError } from './error-envelope.ts';
import type { TAppEnv } from './types.ts';

const CODE_BY_STATUS: Record<number, TErrorCode> = {
  400: 'VALIDATION_ERROR',
  401: 'AUTHENTICATION_FAILED',
  403: 'INSUFFICIENT_PERMISSIONS',
  404: 'RESOURCE_NOT_FOUND',
  409: 'CONFLICT',
  413: 'VALIDATION_ERROR',
  415: 'VALIDATION_ERROR',
  422: 'VALIDATION_ERROR',
  429: 'RATE_LIMIT_EXCEEDED',
};

/** Turns anything thrown into the SPEC envelope; unexpected errors are logged and shown without internals. */
export function createErrorHandler(baseLog: Logger): ErrorHandler<TAppEnv> {
  return (err, c) => {
    const log = (c.get('log') as Logger | undefined) ?? baseLog;
    if (err instanceof AppError) {
      if (err.status >= 500) log.error({ err, code: err.code }, err.message);
      return sendError(c, err);
    }
    if (err instanceof HTTPException && err.status < 500) {
      // Raised by Hono itself, e.g. its JSON validator on a malformed body.
      const code = CODE_BY_STATUS[err.status] ?? 'VALIDATION_ERROR';
      return sendError(c, new AppError(code, err.message || 'Bad request', { status: err.status }));
    }
    log.error({ err }, 'unhandled error');
    return sendError(c, new AppError('INTERNAL_ERROR', 'An unexpected error occurred; it has been logged'));
  };
}

/** Unknown API paths answer in the envelope; other paths are left to the web app's fallback. */
export const apiNotFound: NotFoundHandler<TAppEnv> = (c: Context<TAppEnv>) =>
  sendError(c, new AppError('RESOURCE_NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`));
