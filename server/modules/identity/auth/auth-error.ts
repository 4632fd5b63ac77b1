import { AppError, type TErrorCode, type TErrorDetail } from '../../../platform/http/index.ts';

const BY_STATUS: Record<number, TErrorCode> = {
  400: 'VALIDATION_ERROR',
  401: 'AUTHENTICATION_FAILED',
  403: 'INSUFFICIENT_PERMISSIONS',
  404: 'RESOURCE_NOT_FOUND',
  409: 'CONFLICT',
  422: 'VALIDATION_ERROR',
  429: 'RATE_LIMIT_EXCEEDED',
};
/** better-auth codes that mean "who are you" rather than "you may not". */
const AUTHENTICATION_CODES = new Set(['EMAIL_NOT_VERIFIED', 'INVALID_ORIGIN', 'MISSING_OR_NULL_ORIGIN']);

/**
 * better-auth answers errors as `{ code, message }`; FlashFusion's API answers every error in the SPEC envelope.
 * Its own code is kept as a detail (`reason`) so clients can still branch on, e.g., EMAIL_NOT_VERIFIED.
 */
export async function authErrorFrom(res: Response): Promise<AppError> {
  let body: { code?: unknown; message?: unknown } = {};
  try {
    body = (await res.clone().json()) as typeof body;
  } catch {
    // an empty or non-JSON body: the status alone decides
  }
  const reason = typeof body.code === 'string' ? body.code : undefined;
  const message =
    typeof body.message === 'string' && body.message ? body.message : res.statusText || 'Request failed';
  let code: TErrorCode = res.status >= 500 ? 'INTERNAL_ERROR' : (BY_STATUS[res.status] ?? 'VALIDATION_ERROR');
  if (reason === 'EMAIL_NOT_VERIFIED') code = 'AUTHENTICATION_FAILED';
  if (reason && AUTHENTICATION_CODES.has(reason) && reason !== 'EMAIL_NOT_VERIFIED')
    code = 'INSUFFICIENT_PERMISSIONS';
  const details: TErrorDetail[] = [];
  // Validation messages come as "[body.email] Invalid input; [body.password] Too short".
  for (const m of message.matchAll(/\[([\w.]+)\]\s*([^;]+)/g))
    details.push({ field: m[1], message: (m[2] ?? '').trim() });
  if (reason) details.push({ message: reason, reason });
  const headers: Record<string, string> = {};
  const retry = res.headers.get('retry-after') ?? res.headers.get('x-retry-after');
  if (retry) headers['Retry-After'] = retry;
  return new AppError(code, res.status >= 500 ? 'Authentication service error' : message, {
    status: res.status >= 500 ? 500 : undefined,
    details,
    headers,
  });
}
