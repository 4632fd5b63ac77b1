import type { Secrets } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { assertCan, type TActor } from '../../identity/index.ts';
import { loadProvider } from './load-provider.ts';
import { providerBaseUrl } from './provider-base-url.ts';
import type { TConnectionResult } from './schemas.ts';

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_MESSAGE = 500;
const ANTHROPIC_VERSION = '2023-06-01';

/**
 * Really calls the provider with its stored key (`ai_provider:manage`, since it spends the credential):
 * GET {base}/models, the cheapest authenticated request both protocols have. Returns ok with the latency, or
 * the upstream's error code and message; an upstream failure is a result, never a throw.
 */
export async function testProviderConnection({
  db,
  secrets,
  actor,
  providerId,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  fetchImpl = fetch,
}: {
  db: Database;
  secrets: Secrets;
  actor: TActor;
  providerId: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
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
  // An upstream that echoes the key back in an error must not get it into our response.
  const redact = (text: string) =>
    (apiKey ? text.split(apiKey).join('[redacted]') : text).slice(0, MAX_MESSAGE);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let res: Response;
  let body: string;
  try {
    res = await fetchImpl(`${providerBaseUrl(row)}/models`, {
      headers,
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await res.text();
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    return {
      ok: false,
      latencyMs: elapsed(),
      code: timedOut ? 'TIMEOUT' : 'NETWORK_ERROR',
      message: timedOut
        ? `No answer within ${timeoutMs} ms`
        : redact(String((err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message)),
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
  const { code, message } = upstreamError(parsed, res);
  return { ok: false, latencyMs, status: res.status, code: redact(code), message: redact(message) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** OpenAI answers `{ error: { message, type, code } }`, Anthropic `{ type: 'error', error: { type, message } }`. */
function upstreamError(parsed: unknown, res: Response): { code: string; message: string } {
  const error = (parsed as { error?: { code?: unknown; type?: unknown; message?: unknown } } | undefined)
    ?.error;
  const code =
    typeof error?.code === 'string'
      ? error.code
      : typeof error?.type === 'string'
        ? error.type
        : `HTTP_${res.status}`;
  const message = typeof error?.message === 'string' ? error.message : res.statusText || `HTTP ${res.status}`;
  return { code, message };
}
