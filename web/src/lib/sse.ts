import { ApiError, toApiError } from './api.ts';

export interface TSseMessage {
  /** The `event:` field; "message" when the server sent none. */
  event: string;
  /** The `data:` lines joined by newlines, as sent (usually JSON: parse it where its shape is known). */
  data: string;
  id?: string;
}

/**
 * Reads a server-sent event stream from a fetch Response (POST /api/v1/ai/generate with `stream: true`,
 * GET /api/v1/runs/{id}/events). A non-2xx answer throws the server's error envelope as an ApiError.
 * EventSource is not used because it cannot POST and cannot show the server's error body.
 */
export async function* streamSse(response: Response): AsyncGenerator<TSseMessage> {
  if (!response.ok) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    throw toApiError(response, body);
  }
  if (!response.body) throw new ApiError('UNEXPECTED_RESPONSE', 'The stream has no body', { status: 0 });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let boundary = findBoundary(buffer);
      while (boundary) {
        const message = parseBlock(buffer.slice(0, boundary.index));
        buffer = buffer.slice(boundary.index + boundary.length);
        if (message) yield message;
        boundary = findBoundary(buffer);
      }
    }
    const last = parseBlock(buffer);
    if (last) yield last;
  } finally {
    reader.releaseLock();
  }
}

function findBoundary(buffer: string): { index: number; length: number } | undefined {
  const match = /\r?\n\r?\n/.exec(buffer);
  return match ? { index: match.index, length: match[0].length } : undefined;
}

/** One event block: `field: value` lines; comments (`:`) and retry are ignored. */
export function parseBlock(block: string): TSseMessage | undefined {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  }
  if (data.length === 0) return undefined;
  return { event, data: data.join('\n'), ...(id !== undefined ? { id } : {}) };
}
