/**
 * better-auth puts the session token in JSON bodies (sign-in, sign-up, get-session) for its bearer plugin. The web
 * app authenticates with the httpOnly cookie, so a token readable by page scripts would only widen what an XSS
 * could steal: it is removed from every successful JSON answer, cookies and status untouched.
 */
export async function stripSessionToken(res: Response): Promise<Response> {
  if (!res.headers.get('content-type')?.includes('application/json')) return res;
  let body: unknown;
  try {
    body = await res.clone().json();
  } catch {
    return res;
  }
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
