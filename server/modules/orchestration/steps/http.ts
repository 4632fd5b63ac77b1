// The http step (SPEC §5): one request with the rendered method, URL, headers and body, behind the SSRF guard,
// following up to 5 redirects (each target checked again). 5xx, 429 and network failures may succeed on a retry;
// other 4xx will not. Every attempt carries the same Idempotency-Key so a receiver can drop a repeated attempt.
import { type IncomingHttpHeaders, validateHeaderName, validateHeaderValue } from 'node:http';
import {
  BodyTooLargeError,
  resolveTarget,
  sendRequest,
  type TTargetPolicy,
} from '../../../platform/net/index.ts';
import type { THttpStep, TStepContext, TStepOutcome } from '../types.ts';

export const MAX_REDIRECTS = 5;
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export type THttpOptions = TTargetPolicy & { maxResponseBytes?: number };

const fail = (error: string, retryable: boolean): TStepOutcome => ({ status: 'failed', error, retryable });

export async function executeHttp(
  ctx: TStepContext,
  step: Pick<THttpStep, 'method' | 'url' | 'headers' | 'body'>,
  opts: THttpOptions,
): Promise<TStepOutcome> {
  if (!METHODS.has(step.method)) return fail(`unsupported method ${String(step.method)}`, false);
  let url: URL;
  try {
    url = new URL(step.url);
  } catch {
    return fail(`invalid URL: ${String(step.url).slice(0, 200)}`, false);
  }
  let method: string = step.method;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(step.headers ?? {})) {
    // Rendered templates can carry anything (a newline would split the request): refused, not sent.
    try {
      validateHeaderName(name);
      validateHeaderValue(name, String(value));
    } catch {
      return fail(`invalid header ${JSON.stringify(name).slice(0, 100)}`, false);
    }
    headers[name.toLowerCase()] = String(value);
  }
  headers['idempotency-key'] = `${ctx.runId}:${ctx.stepId}`;
  headers['user-agent'] ??= 'FlashFusion-Workflows/1';
  let body = encodeBody(step.body, headers);

  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return fail(`only http and https URLs are allowed, not ${url.protocol}`, false);
    const resolved = await resolveTarget(url.hostname, opts);
    if (!resolved.ok) return fail(resolved.error, false);
    let res: Awaited<ReturnType<typeof sendRequest>>;
    try {
      res = await sendRequest({
        url,
        method,
        headers,
        body,
        target: resolved.target,
        signal: ctx.signal,
        maxBodyBytes: opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
        skipBody: (status) => isRedirect(status),
      });
    } catch (err) {
      if (err instanceof BodyTooLargeError) return fail(err.message, false);
      if (ctx.signal.aborted) return fail(`request to ${url.host} aborted (timeout or cancellation)`, true);
      const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      return fail(`request to ${url.host} failed: ${code}`, true);
    }
    const location = res.headers.location;
    if (isRedirect(res.status) && location) {
      if (hop >= MAX_REDIRECTS) return fail(`more than ${MAX_REDIRECTS} redirects`, false);
      const next = new URL(location, url);
      // Credentials are for the origin they were written for, as browsers and fetch do.
      if (next.origin !== url.origin) {
        delete headers.authorization;
        delete headers.cookie;
      }
      // 303 always, and 301/302 after a POST, turn into a GET without a body (what clients do in practice).
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
        method = 'GET';
        body = null;
        delete headers['content-type'];
      }
      ctx.log('info', `redirect ${res.status} to ${next.origin}${next.pathname}`);
      url = next;
      continue;
    }
    return outcomeOf(res.status, res.headers, res.body);
  }
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function encodeBody(body: unknown, headers: Record<string, string>): string | null {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') {
    headers['content-type'] ??= 'text/plain; charset=utf-8';
    return body;
  }
  headers['content-type'] ??= 'application/json';
  return JSON.stringify(body);
}

function outcomeOf(status: number, raw: IncomingHttpHeaders, bytes: Buffer): TStepOutcome {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw))
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  const text = bytes.toString('utf8');
  let body: unknown = text;
  if (/\bjson\b/i.test(headers['content-type'] ?? '') && text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (status >= 400) {
    const retryable = status >= 500 || status === 429;
    return fail(`HTTP ${status}: ${text.slice(0, 300)}`, retryable);
  }
  return { status: 'succeeded', output: { status, headers, body } };
}
