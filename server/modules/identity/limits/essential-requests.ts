import type { Context } from 'hono';

/**
 * The requests a person needs even when over a rate limit: who am I (`/users/me`, better-auth's session),
 * signing out, and the plan usage page that says why they were limited. They are counted like any other but
 * never refused; each is cheap. Paths as the app serves them, under /api/v1.
 */
const ESSENTIAL: readonly (readonly [method: string, path: RegExp])[] = [
  ['GET', /^\/api\/v1\/users\/me$/],
  ['GET', /^\/api\/v1\/auth\/get-session$/],
  ['POST', /^\/api\/v1\/auth\/sign-out$/],
  ['GET', /^\/api\/v1\/organizations\/[^/]+\/usage$/],
];

export function isEssentialRequest(c: Context): boolean {
  const { method, path } = c.req;
  return ESSENTIAL.some(([m, p]) => m === method && p.test(path));
}
