import type { TErrorEnvelope } from '../../../contracts/errors.ts';

type TServerErrorCode = TErrorEnvelope['error']['code'];

/** Codes the client adds for failures that never produced a SPEC error envelope. */
export type TClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

/** Any failed API call: the server's error envelope, or a client-side stand-in with the same fields. */
export class ApiError extends Error {
  readonly code: TServerErrorCode | TClientErrorCode;
  readonly status: number;
  readonly details: TErrorEnvelope['error']['details'];
  readonly requestId: string | undefined;
  readonly timestamp: string | undefined;

  constructor(
    code: TServerErrorCode | TClientErrorCode,
    message: string,
    opts: {
      status: number;
      details?: TErrorEnvelope['error']['details'];
      requestId?: string;
      timestamp?: string;
      cause?: unknown;
    },
  ) {
    super(message, { cause: opts.cause });
    this.name = 'ApiError';
    this.code = code;
    this.status = opts.status;
    this.details = opts.details ?? [];
    this.requestId = opts.requestId;
    this.timestamp = opts.timestamp;
  }
}

export interface TRequestOptions<T> extends Omit<RequestInit, 'body'> {
  /** JSON-serialisable body; sent with `Content-Type: application/json`. */
  json?: unknown;
  /** Statuses besides 2xx whose JSON body is a normal answer (e.g. 503 from /ready). */
  acceptStatus?: readonly number[];
  /** Validates the body (a zod schema's `parse` fits); without it the server's JSON is trusted as `T`. */
  parse?: (data: unknown) => T;
}

/** Calls the FlashFusion API on the same origin and returns its JSON, or throws an ApiError. */
export async function api<T>(path: string, opts: TRequestOptions<T> = {}): Promise<T> {
  const { json, acceptStatus = [], parse, headers, ...init } = opts;
  const requestHeaders = new Headers(headers);
  requestHeaders.set('Accept', 'application/json');
  if (json !== undefined) requestHeaders.set('Content-Type', 'application/json');

  let response: Response;
  try {
    response = await fetch(path, {
      credentials: 'same-origin',
      ...init,
      headers: requestHeaders,
      body: json === undefined ? undefined : JSON.stringify(json),
    });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw new ApiError('NETWORK_ERROR', 'The server could not be reached. Check that it is running.', {
      status: 0,
      cause,
    });
  }

  const body = await readJson(response);
  const accepted = response.ok || (acceptStatus.includes(response.status) && !isErrorEnvelope(body));
  if (accepted) {
    if (body === NOT_JSON) {
      throw new ApiError('UNEXPECTED_RESPONSE', `Expected JSON from ${path}`, { status: response.status });
    }
    return parse ? parse(body) : (body as T);
  }
  throw toApiError(response, body);
}

const NOT_JSON = Symbol('not-json');

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

export function toApiError(response: Response, body: unknown): ApiError {
  if (isErrorEnvelope(body)) {
    const { code, message, details, requestId, timestamp } = body.error;
    return new ApiError(code, message, {
      status: response.status,
      details: Array.isArray(details) ? details : [],
      requestId,
      timestamp,
    });
  }
  const reason = response.statusText ? ` ${response.statusText}` : '';
  return new ApiError('UNEXPECTED_RESPONSE', `The server answered ${response.status}${reason}`, {
    status: response.status,
    requestId: response.headers.get('X-Request-Id') ?? undefined,
  });
}

// A structural check instead of the zod schema in contracts/, to keep zod out of the browser bundle.
function isErrorEnvelope(body: unknown): body is TErrorEnvelope {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = body.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}
