// Which of better-auth's endpoints take no credentials. Everything else under /auth needs a signed-in user,
// checked before better-auth runs (so an anonymous call is a 401, never a 400 about its body), and the
// OpenAPI document says the same in each operation's `x-permission`.

/** `METHOD /path` under /api/v1/auth, with `{name}` for a path parameter. */
const PUBLIC_AUTH_ENDPOINTS = [
  'POST /sign-up/email',
  'POST /sign-in/email',
  'POST /sign-in/social',
  // Signing out without a session is a harmless no-op, so a page with an expired session can still do it.
  'POST /sign-out',
  // Answers null without a session: the web shell asks it to learn whether anyone is signed in.
  'GET /get-session',
  'POST /get-session',
  'GET /verify-email',
  'POST /send-verification-email',
  'POST /request-password-reset',
  'POST /forget-password',
  'POST /reset-password',
  'GET /reset-password/{token}',
  'GET /callback/{id}',
  'POST /callback/{id}',
  'GET /ok',
  'GET /error',
];

const PUBLIC = PUBLIC_AUTH_ENDPOINTS.map((e) => {
  const [method, path] = e.split(' ') as [string, string];
  return { method, pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`) };
});

/** Whether `method path` (path relative to the auth base, `{param}` or a concrete value) is public. */
export function isPublicAuthEndpoint(method: string, path: string): boolean {
  const m = method.toUpperCase();
  return PUBLIC.some((p) => p.method === m && p.pattern.test(path));
}
