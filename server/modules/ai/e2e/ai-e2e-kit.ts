// Test helpers for the AI module through a real server: members with API keys, JSON and SSE calls. Tests only.
import { startTestServer, type TestServer } from '../../../platform/testing/test-server.ts';
import { createApiKey } from '../../identity/api-keys/create-api-key.ts';
import { seedMember } from '../../identity/test-kit.ts';

export type TMember = Awaited<ReturnType<typeof seedMember>> & { key: string };

/** A member of a new (or the given) organization with an API key of the given scopes. */
export async function memberWithKey(
  s: TestServer,
  opts: Parameters<typeof seedMember>[1] & { scopes?: ('read' | 'write' | 'admin')[] } = {},
): Promise<TMember> {
  const member = await seedMember(s.platform.db, { plan: 'enterprise', ...opts });
  const { key } = await createApiKey({
    events: s.platform.events,
    actor: member,
    input: { name: 'e2e', scopes: opts.scopes ?? ['admin'] },
  });
  return { ...member, key };
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions, not by types.
export type TCallResult = { status: number; headers: Headers; text: string; body: any };

/** A JSON call with the member's API key; `raw` sends a string body as is (malformed JSON tests). */
export async function call(
  s: { url: string },
  who: { key: string } | null,
  method: string,
  path: string,
  body?: unknown,
  raw = false,
): Promise<TCallResult> {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: {
      ...(who ? { authorization: `Bearer ${who.key}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : raw ? String(body) : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { unparsed: text };
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

/** The server-sent events of a response body, as { event, data } with data parsed as JSON. */
// biome-ignore lint/suspicious/noExplicitAny: event data is checked by the assertions, not by types.
export function parseSse(text: string): { event: string; data: any }[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      const joined = data.join('\n');
      let value: unknown = joined;
      try {
        value = JSON.parse(joined);
      } catch {}
      return { event, data: value };
    });
}

export { startTestServer, type TestServer };
