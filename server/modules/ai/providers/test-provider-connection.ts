import type { Secrets } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { createGuardedFetch, TargetRefusedError, type TTargetPolicy } from '../../../platform/net/index.ts';
import { assertCan, type TActor } from '../../identity/index.ts';
import { loadProvider } from './load-provider.ts';
import { providerBaseUrl } from './provider-base-url.ts';
import type { TConnectionResult } from './schemas.ts';

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_MESSAGE = 500;
const ANTHROPIC_VERSION = '2023-06-01';

/**
 * Really calls the provider with its stored key (`ai_provider:manage`, since it spends the credential):
 * GET {base}/models, the cheapest authenticated request both protocols have, behind the SSRF guard. Returns ok
 * with the latency, or a code and message of our own for the upstream's status: the upstream's body is never
 * echoed, so the test cannot be used to read whatever answers at the base URL. A failure is a result, never a
 * throw.
 */
export async function testProviderConnection({
  db,
  secrets,
  actor,
  providerId,
  network,
  timeoutMs = DEFAULT_TIMEOUT_MS,
}: {
  db: Database;
  secrets: Secrets;
  actor: TActor;
  providerId: string;
  /** Which addresses the provider may be reached at (ALLOW_PRIVATE_AI_PROVIDERS). */
  network: TTargetPolicy;
  timeoutMs?: number;
}): Promise<TConnectionResult> {
  assertCan(actor, 'ai_provider:manage');
  const row = await withTenant(db, actor.organizationId, (tx) =>
    loadProvider(tx, actor.organizationId, providerId),
  );
  const apiKey = row.apiKeySealed ? await secrets.decrypt(row.organizationId, row.apiKeySealed) : undefined;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (row.kind === 'anthropic') {
    headers['anthropic-version'] = ANTHROPIC_VERSION;
    if (apiKey) headers['x-api-key'] = apiKey;
  } else if (apiKey) {
    headers.authorization = `Bearer ${apiKey}`;
  }
  // An error message that names the key (a URL with it, say) must not get it into our response.
  const redact = (text: string) =>
    (apiKey ? text.split(apiKey).join('[redacted]') : text).slice(0, MAX_MESSAGE);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let res: Response;
  let body: string;
  try {
    res = await createGuardedFetch(network)(`${providerBaseUrl(row)}/models`, {
      headers,
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await res.text();
  } catch (err) {
    if (err instanceof TargetRefusedError) {
      return {
        ok: false,
        latencyMs: elapsed(),
        code: 'TARGET_REFUSED',
        message: `${redact(err.message)}; local model servers need ALLOW_PRIVATE_AI_PROVIDERS=true`,
      };
    }
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    return {
      ok: false,
      latencyMs: elapsed(),
      code: timedOut ? 'TIMEOUT' : 'NETWORK_ERROR',
      message: timedOut ? `No answer within ${timeoutMs} ms` : redact(String(networkCode(err))),
    };
  }
  const latencyMs = elapsed();
  const parsed = parseJson(body);
  if (res.ok) {
    const data = (parsed as { data?: unknown } | undefined)?.data;
    if (!Array.isArray(data)) {
      return {
        ok: false,
        latencyMs,
        status: res.status,
        code: 'INVALID_RESPONSE',
        message: 'No model list in the answer',
      };
    }
    return { ok: true, latencyMs, status: res.status, models: data.length };
  }
  return { ok: false, latencyMs, status: res.status, ...upstreamError(res.status) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Our own words for an upstream's refusal: only its status is trusted, never its body. */
function upstreamError(status: number): { code: string; message: string } {
  if (status === 401 || status === 403)
    return { code: 'AUTHENTICATION_FAILED', message: `The provider refused the API key (HTTP ${status})` };
  if (status === 404)
    return { code: 'NOT_FOUND', message: 'The provider has no model list at this base URL (HTTP 404)' };
  if (status === 429)
    return { code: 'RATE_LIMITED', message: 'The provider is rate limiting this key (HTTP 429)' };
  return { code: `HTTP_${status}`, message: `The provider answered HTTP ${status}` };
}

/** The system error code of a failed connection (ECONNREFUSED…), wherever the client put it. */
function networkCode(err: unknown): string {
  const e = err as { code?: unknown; cause?: { code?: unknown }; message?: unknown };
  if (typeof e.code === 'string') return e.code;
  if (typeof e.cause?.code === 'string') return e.cause.code;
  return String(e.message ?? err);
}
