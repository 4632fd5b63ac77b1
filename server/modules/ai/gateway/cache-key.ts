// The response cache key: exact match on a normalised request, so requests that differ only in whitespace
// around messages, key order or spelled-out defaults share an answer. Scoped by organization and by the
// targets that would answer, so a route edit or another tenant never sees a stale or foreign answer.
import { createHash } from 'node:crypto';
import type { TGenerateRequest, TResolvedTarget } from '../types.ts';

/** The temperature providers use when none is sent (OpenAI and Anthropic both default to 1). */
export const DEFAULT_TEMPERATURE = 1;

export function cacheKey(
  organizationId: string,
  request: TGenerateRequest,
  targetsSignature: string,
): string {
  const normalised = {
    v: 1, // bump when the normalisation changes, so old entries stop matching
    organizationId,
    targets: targetsSignature,
    route: request.route ?? null,
    model: request.model ?? null,
    messages: request.messages.map((m) => ({
      role: m.role,
      content: m.content.trim(),
      toolCallId: m.toolCallId ?? null,
      toolName: m.toolName ?? null,
    })),
    responseSchema: request.responseSchema ?? null,
    tools:
      request.tools?.map((t) => ({
        name: t.name,
        description: t.description ?? null,
        parameters: t.parameters,
      })) ?? [],
    temperature: request.temperature ?? DEFAULT_TEMPERATURE,
    maxOutputTokens: request.maxOutputTokens ?? null,
    // `cache` is left out on purpose: it says whether to use the cache, not what is asked.
  };
  return createHash('sha256').update(canonicalJson(normalised)).digest('hex');
}

/** Which targets can answer, independent of their order: `provider:model` keys sorted and de-duplicated. */
export function targetsSignature(targets: Array<Pick<TResolvedTarget, 'key'>>): string {
  return [...new Set(targets.map((t) => t.key))].sort().join(',');
}

/** JSON with object keys sorted at every depth; undefined members dropped like JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
