import type { MiddlewareHandler } from 'hono';

/**
 * Authentication, then the rate limit, so the limit counts whoever authentication found. A refused
 * authentication (401, or 403 for a user without an organization) is still counted, against the user when
 * one was found, else the client's address, and answered with the rate-limit headers like every other API
 * response: the refusal is thrown after the limit has set them.
 */
export function authenticateThenLimit(
  authenticate: MiddlewareHandler,
  rateLimit: MiddlewareHandler,
): MiddlewareHandler {
  return async function authenticatedAndLimited(c, next) {
    let refused: { error: unknown } | undefined;
    try {
      await authenticate(c, async () => {});
    } catch (error) {
      refused = { error };
    }
    if (!refused) return rateLimit(c, next);
    await rateLimit(c, async () => {});
    throw refused.error;
  };
}

/**
 * For requests that need no credentials but may carry some (better-auth's public endpoints): a signed-in
 * caller counts against their session, anyone else against their address; a bad credential is not refused.
 */
export function identifyThenLimit(
  authenticate: MiddlewareHandler,
  rateLimit: MiddlewareHandler,
): MiddlewareHandler {
  return async function identifiedAndLimited(c, next) {
    try {
      await authenticate(c, async () => {});
    } catch {
      // Anonymous, expired or foreign credentials: the endpoint itself decides what they mean.
    }
    return rateLimit(c, next);
  };
}
