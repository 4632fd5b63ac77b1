// A `fetch` for calls whose URL a user chose (AI provider base URLs): every hop is resolved once, refused when it
// lands on a non-public address (unless the policy allows it), and connected to exactly the checked address.
// Redirects are followed here, each one checked again, so a public host cannot bounce the call to loopback.
import { Readable } from 'node:stream';
import { openPinned } from './send-request.ts';
import { resolveTarget, TargetRefusedError, type TTargetPolicy } from './ssrf-guard.ts';

export const MAX_GUARDED_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Credentials belong to the origin they were written for (what browsers and fetch do on a cross-origin hop).
const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'api-key', 'cookie', 'proxy-authorization'];
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** A fetch-compatible function behind the SSRF guard; refusals throw TargetRefusedError. */
export function createGuardedFetch(policy: TTargetPolicy): typeof fetch {
  return async function guardedFetch(input, init) {
    const request = new Request(input, init);
    let url = new URL(request.url);
    let method = request.method;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    // node:http does not decompress: ask for the plain body rather than handing callers gzip.
    delete headers['accept-encoding'];
    let body: Uint8Array | null = request.body ? new Uint8Array(await request.arrayBuffer()) : null;
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new TargetRefusedError(`only http and https URLs are allowed, not ${url.protocol}`);
      const resolved = await resolveTarget(url.hostname, policy);
      if (!resolved.ok) throw new TargetRefusedError(resolved.error);
      const res = await openPinned({
        url,
        method,
        headers,
        body,
        target: resolved.target,
        signal: request.signal,
      });
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (REDIRECTS.has(status) && location && request.redirect !== 'manual') {
        res.resume();
        if (hop >= MAX_GUARDED_REDIRECTS)
          throw new TargetRefusedError(`more than ${MAX_GUARDED_REDIRECTS} redirects`);
        const next = new URL(location, url);
        if (next.origin !== url.origin) for (const name of CREDENTIAL_HEADERS) delete headers[name];
        // 303 always, and 301/302 after a POST, turn into a GET without a body (what fetch does).
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
          method = 'GET';
          body = null;
          delete headers['content-type'];
          delete headers['content-length'];
        }
        url = next;
        continue;
      }
      const responseHeaders = new Headers();
      for (const [name, value] of Object.entries(res.headers)) {
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) responseHeaders.append(name, v);
      }
      const nullBody = NULL_BODY_STATUSES.has(status) || method === 'HEAD';
      if (nullBody) res.resume();
      return new Response(nullBody ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), {
        status,
        statusText: res.statusMessage ?? '',
        headers: responseHeaders,
      });
    }
  };
}
