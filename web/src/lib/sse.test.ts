import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { streamSse } from './sse.ts';

function responseOf(chunks: string[], init: ResponseInit = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' }, ...init });
}

async function collect(response: Response) {
  const out = [];
  for await (const message of streamSse(response)) out.push(message);
  return out;
}

describe('streamSse', () => {
  it('splits events across arbitrary chunk boundaries, with CRLF, comments and multi-line data', async () => {
    const messages = await collect(
      responseOf([
        'event: tok',
        'en\ndata: {"t":"He"}\n',
        '\n: keep-alive\n\r\n',
        'id: 7\r\ndata: a\r\ndata: b\r\n\r\n',
      ]),
    );
    expect(messages).toEqual([
      { event: 'token', data: '{"t":"He"}' },
      { event: 'message', data: 'a\nb', id: '7' },
    ]);
  });

  it('yields a last event that the stream ended without a blank line after', async () => {
    expect(await collect(responseOf(['event: done\ndata: {}']))).toEqual([{ event: 'done', data: '{}' }]);
  });

  it('throws the server error envelope for a non-2xx answer', async () => {
    const envelope = {
      error: {
        code: 'QUOTA_EXCEEDED',
        message: 'Budget spent',
        details: [],
        timestamp: 't',
        requestId: 'r1',
      },
    };
    const response = new Response(JSON.stringify(envelope), { status: 429 });
    const error = await collect(response).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      message: 'Budget spent',
      status: 429,
      requestId: 'r1',
    });
  });
});
