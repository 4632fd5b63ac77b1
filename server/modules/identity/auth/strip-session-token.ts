/**
 * better-auth puts the session token in JSON bodies (sign-in, sign-up, get-session) for its bearer plugin, and
 * list-sessions answers every session of the user with its raw token (other devices included: a bearer
 * credential for each). The web app authenticates with the httpOnly cookie, so a token readable by page scripts
 * would only widen what an XSS could steal: it is removed from every successful JSON answer, cookies and status
 * untouched.
 */
export async function stripSessionToken(res: Response): Promise<Response> {
  if (!res.headers.get('content-type')?.includes('application/json')) return res;
  let body: unknown;
  try {
    body = await res.clone().json();
  } catch {
    return res;
  }
  if (Array.isArray(body)) return stripListed(res, body);
  if (!body || typeof body !== 'object') return res;
  const record = body as Record<string, unknown>;
  const session = record.session as Record<string, unknown> | null | undefined;
  const hasTop = 'token' in record;
  const hasNested = !!session && typeof session === 'object' && 'token' in session;
  if (!hasTop && !hasNested) return res;
  const { token: _top, ...rest } = record;
  if (hasNested && session) {
    const { token: _nested, ...sessionRest } = session;
    rest.session = sessionRest;
  }
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(rest), { status: res.status, statusText: res.statusText, headers });
}

/** list-sessions: an array of sessions, each without its token. */
function stripListed(res: Response, items: unknown[]): Response {
  if (!items.some((item) => item && typeof item === 'object' && 'token' in item)) return res;
  const stripped = items.map((item) => {
    if (!item || typeof item !== 'object') return item;
    const { token: _token, ...rest } = item as Record<string, unknown>;
    return rest;
  });
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(stripped), { status: res.status, statusText: res.statusText, headers });
}
