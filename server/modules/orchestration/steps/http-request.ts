// One HTTP exchange of an http step, over node:http(s) so the connection goes to the address the SSRF guard
// checked (fetch offers no per-request DNS hook). The body is read up to a limit; more is an error, not a cut.
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { pinnedLookup, type TResolvedTarget } from './ssrf-guard.ts';

export interface TRawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export class BodyTooLargeError extends Error {}

export function sendRequest(opts: {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | null;
  target: TResolvedTarget;
  signal: AbortSignal;
  maxBodyBytes: number;
  /** Redirect responses are not read: their body is drained and dropped. */
  skipBody: (status: number) => boolean;
}): Promise<TRawResponse> {
  const { url } = opts;
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method: opts.method,
        headers: opts.headers,
        lookup: pinnedLookup(opts.target) as never,
        signal: opts.signal,
        // No connection reuse: a pooled socket could belong to an address checked for another URL.
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (opts.skipBody(status)) {
          res.resume();
          res.on('end', () => resolve({ status, headers: res.headers, body: Buffer.alloc(0) }));
          res.on('error', reject);
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
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body ?? undefined);
  });
}
