import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { TErrorDetail } from './app-error.ts';
import { AppError } from './app-error.ts';

/** Sends `{ error: { code, message, details, timestamp, requestId } }` (SPEC §2). */
export function sendError(c: Context, err: AppError): Response {
  for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
  return c.json(
    {
      error: {
        code: err.code,
        message: err.message,
        details: err.details,
        timestamp: new Date().toISOString(),
        requestId: (c.get('requestId') as string | undefined) ?? 'unknown',
      },
    },
    err.status as ContentfulStatusCode,
  );
}

/** Validation issues as details naming where in the request each one is. */
export function validationError(
  target: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): AppError {
  const details: TErrorDetail[] = issues.map((i) => ({
    field: [target, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  const where =
    target === 'json' ? 'request body' : target === 'query' ? 'query parameters' : `request ${target}`;
  return new AppError('VALIDATION_ERROR', `Invalid ${where}`, { details });
}
