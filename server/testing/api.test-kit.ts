// Calls to a real test server: JSON with a member's API key, and server-sent events. Tests only.

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

export { memberWithKey, type TMember } from './members.test-kit.ts';
export { startTestServer, type TestServer } from './test-server.ts';
