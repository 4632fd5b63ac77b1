// The node:http core shared by the fake OpenAI and Anthropic servers: reads and records every request, applies
// the scripted fault, checks the API key, asks the provider for a plan (a JSON answer or SSE events) and
// delivers it, breaking the delivery as the fault says.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFaultQueue, type TFault, type TFaultScript, type TRecordedRequest } from './fault-script.ts';

export type TPlan =
  | { kind: 'json'; status: number; body: unknown }
  /** Events already framed as SSE text; the terminator is left out by the 'no-end' fault. */
  | { kind: 'sse'; events: string[]; terminator: string };

export interface TFakeProvider {
  presentedKey(headers: IncomingMessage['headers']): string | undefined;
  errorBody(status: number, message: string): unknown;
  /** Answers an authenticated request whose body (if any) parsed as JSON. */
  handle(request: TRecordedRequest): TPlan;
}

export interface TFakeServerOptions {
  /** The key clients must present (default 'test-key'). */
  apiKey?: string;
  script?: TFaultScript;
}

export interface TFakeServer {
  /** Origin, e.g. http://127.0.0.1:41234 */
  url: string;
  /** What SDK clients take as baseURL: `${url}/v1`. */
  baseURL: string;
  apiKey: string;
  /** Every request received, in order. */
  requests: TRecordedRequest[];
  /** Replaces the fault script for the following requests. */
  script(script: TFaultScript): void;
  close(): Promise<void>;
}

/** Waits `ms`, or less if the client goes away; resolves whether the response is still wanted. */
function wait(ms: number, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}

/** Writes and waits until the bytes are handed to the socket, so a cut after them really delivers them. */
const flushed = (res: ServerResponse, chunk: string) =>
  new Promise<void>((resolve) => {
    res.write(chunk, () => resolve());
  });

/** Destroys the connection once what was written has left, i.e. a connection lost mid-answer. */
async function cut(res: ServerResponse): Promise<void> {
  await new Promise((r) => setImmediate(r));
  res.socket?.destroy();
}

async function deliver(res: ServerResponse, plan: TPlan, fault: TFault): Promise<void> {
  const lateBody = fault.fault === 'slow' && fault.phase === 'body';
  if (plan.kind === 'json') {
    let text = JSON.stringify(plan.body);
    if (fault.fault === 'malformed') text = '{"id": "fake", "choices": [ this is not JSON';
    res.writeHead(plan.status, { 'content-type': 'application/json' });
    if (lateBody) {
      res.flushHeaders();
      if (!(await wait(fault.delayMs, res))) return;
    }
    if (fault.fault === 'cut' || fault.fault === 'no-end') {
      await flushed(res, text.slice(0, Math.floor(text.length / 2)));
      if (fault.fault === 'cut') await cut(res);
      else res.end();
      return;
    }
    res.end(text);
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  res.flushHeaders();
  if (lateBody && !(await wait(fault.delayMs, res))) return;
  for (const [i, event] of plan.events.entries()) {
    if (fault.fault === 'cut' && i === fault.afterChunks) return cut(res);
    if (fault.fault === 'malformed' && i === 1) {
      res.end('data: {"not json\n\n');
      return;
    }
    await flushed(res, event);
  }
  if (fault.fault === 'cut') return cut(res);
  res.end(fault.fault === 'no-end' ? undefined : plan.terminator);
}

export async function startFakeServer(
  provider: TFakeProvider,
  options: TFakeServerOptions,
): Promise<TFakeServer> {
  const apiKey = options.apiKey ?? 'test-key';
  const queue = createFaultQueue(options.script);
  const requests: TRecordedRequest[] = [];
  const server = createServer((req, res) => {
    // A client that goes away mid-request must not become an unhandled rejection in the test process.
    handle(req, res).catch(() => req.socket.destroy());
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    let unparsable = false;
    try {
      body = rawBody === '' ? undefined : JSON.parse(rawBody);
    } catch {
      unparsable = true;
    }
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const base = {
      index: requests.length,
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      body,
      rawBody,
    };
    const fault = queue.take(base);
    const recorded: TRecordedRequest = { ...base, fault };
    requests.push(recorded);
    if (fault.fault === 'reset') return void req.socket.destroy();
    if (fault.fault === 'status') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
      res.writeHead(fault.status, headers);
      return void res.end(
        JSON.stringify(provider.errorBody(fault.status, fault.message ?? `Injected ${fault.status}`)),
      );
    }
    if (fault.fault === 'slow' && fault.phase !== 'body' && !(await wait(fault.delayMs, res))) return;
    let plan: TPlan;
    if (provider.presentedKey(req.headers) !== apiKey) {
      plan = { kind: 'json', status: 401, body: provider.errorBody(401, 'Invalid API key provided.') };
    } else if (unparsable) {
      plan = {
        kind: 'json',
        status: 400,
        body: provider.errorBody(400, 'The request body is not valid JSON.'),
      };
    } else {
      plan = provider.handle(recorded);
    }
    await deliver(res, plan, fault);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    baseURL: `${url}/v1`,
    apiKey,
    requests,
    script: (script) => queue.set(script),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
