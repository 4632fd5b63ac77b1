import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../app-error.ts';

/** Refuses request bodies over maxBytes (by header or as they stream) before any handler reads them. */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError('VALIDATION_ERROR', `Request body exceeds the limit of ${maxBytes} bytes`, {
        status: 413,
      });
    },
  });
}
