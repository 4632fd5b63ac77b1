// One HTTP exchange over node:http(s) with the connection going to the address the SSRF guard checked (fetch
// offers no per-request DNS hook). openPinned hands back the streaming response; sendRequest reads its body
// up to a limit (more is an error, not a cut).
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { pinnedLookup, type TResolvedTarget } from './ssrf-guard.ts';

export interface TRawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export class BodyTooLargeError extends Error {}

export type TPinnedRequest = {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array | null;
  target: TResolvedTarget;
  signal: AbortSignal;
};

/** Sends the request to `target` only and resolves with the response as soon as its head arrives. */
export function openPinned(opts: TPinnedRequest): Promise<IncomingMessage> {
  const transport = opts.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      opts.url,
      {
        method: opts.method,
        headers: opts.headers,
        lookup: pinnedLookup(opts.target) as never,
        signal: opts.signal,
        // No connection reuse: a pooled socket could belong to an address checked for another URL.
        agent: false,
      },
      resolve,
    );
    req.on('error', reject);
    req.end(opts.body ?? undefined);
  });
}

export async function sendRequest(
  opts: TPinnedRequest & {
    maxBodyBytes: number;
    /** Redirect responses are not read: their body is drained and dropped. */
    skipBody: (status: number) => boolean;
  },
): Promise<TRawResponse> {
  const res = await openPinned(opts);
  const status = res.statusCode ?? 0;
  return new Promise((resolve, reject) => {
    res.on('error', reject);
    if (opts.skipBody(status)) {
      res.resume();
      res.on('end', () => resolve({ status, headers: res.headers, body: Buffer.alloc(0) }));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > opts.maxBodyBytes) {
        res.destroy();
        reject(new BodyTooLargeError(`response body exceeds ${opts.maxBodyBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    res.on('end', () => resolve({ status, headers: res.headers, body: Buffer.concat(chunks) }));
  });
}
