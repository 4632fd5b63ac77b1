import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The error codes of SPEC §2, each with its HTTP status. */
export const ERROR_STATUS = {
  AUTHENTICATION_FAILED: 401,
  INSUFFICIENT_PERMISSIONS: 403,
  RESOURCE_NOT_FOUND: 404,
  VALIDATION_ERROR: 400,
  CONFLICT: 409,
  RATE_LIMIT_EXCEEDED: 429,
  QUOTA_EXCEEDED: 429,
  MODEL_UNAVAILABLE: 503,
  GENERATION_FAILED: 502,
  DEPLOYMENT_FAILED: 502,
  WEBHOOK_DELIVERY_FAILED: 502,
  INTERNAL_ERROR: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type TErrorCode = keyof typeof ERROR_STATUS;

export interface TErrorDetail {
  field?: string;
  message: string;
  [key: string]: unknown;
}

/**
 * The one error the API throws on purpose. onError turns it into the SPEC envelope; anything else
 * becomes INTERNAL_ERROR with no internals shown.
 */
export class AppError extends Error {
  readonly code: TErrorCode;
  readonly status: ContentfulStatusCode;
  readonly details: TErrorDetail[];
  readonly headers: Record<string, string>;

  constructor(
    code: TErrorCode,
    message: string,
    opts: {
      details?: TErrorDetail[];
      status?: ContentfulStatusCode;
      headers?: Record<string, string>;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = opts.status ?? ERROR_STATUS[code];
    this.details = opts.details ?? [];
    this.headers = opts.headers ?? {};
  }
}

export const notFound = (what: string) => new AppError('RESOURCE_NOT_FOUND', `${what} not found`);
