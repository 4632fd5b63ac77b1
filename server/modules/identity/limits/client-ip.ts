import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address of the client: the socket's peer from the Node server. X-Forwarded-For is believed only when
 * `trustProxy` is true (a reverse proxy in front rewrites it), and then its LAST entry is taken — the one the
 * proxy appended itself; earlier entries are whatever the client chose to send.
 */
export function clientIp(c: Context, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .at(-1);
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not served by @hono/node-server (e.g. app.request in tests without bindings): one shared bucket.
    return 'unknown';
  }
}
