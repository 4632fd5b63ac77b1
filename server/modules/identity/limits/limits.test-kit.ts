// Test helpers for the limits folder: an /api/v1 app whose "authentication" sets the actor named by a test
// header, with the rate limit after it and the app's error handler. Imported by tests only.
import { Hono, type MiddlewareHandler } from 'hono';
import pino from 'pino';
import { createErrorHandler, notFound, type TAppEnv } from '../../../platform/http/index.ts';
import type { TActorContext } from '../actor.ts';

/** Socket bindings as @hono/node-server passes them, so getConnInfo sees `address` as the peer. */
export const fromIp = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

/**
 * `x-test-actor: <json TActorContext>` plays an authenticated request, `x-test-user: <id>` a signed-in user
 * without an organization; neither: anonymous. `/api/v1/ping` and the essential paths answer 200,
 * `/api/v1/missing` a 404 envelope.
 */
export function limitedApp(limit: MiddlewareHandler): Hono<TAppEnv> {
  const log = pino({ level: 'silent' });
  const app = new Hono<TAppEnv>();
  app.onError(createErrorHandler(log));
  const api = new Hono<TAppEnv>();
  api.use(async (c, next) => {
    c.set('requestId', crypto.randomUUID());
    c.set('log', log);
    const actor = c.req.header('x-test-actor');
    const user = c.req.header('x-test-user');
    const vars = c as unknown as { set(k: string, v: unknown): void };
    if (actor) {
      const a = JSON.parse(actor) as TActorContext;
      vars.set('actor', a);
      vars.set('user', { id: a.userId, email: '', authMethod: a.authMethod });
    } else if (user) vars.set('user', { id: user, email: '', authMethod: 'session' });
    await next();
  });
  api.use(limit);
  api.get('/ping', (c) => c.json({ ok: true }));
  // The essential requests a person always gets answered (essential-requests.ts).
  api.get('/users/me', (c) => c.json({ ok: true }));
  api.get('/organizations/:id/usage', (c) => c.json({ ok: true }));
  api.on(['GET', 'POST'], ['/auth/sign-out', '/auth/get-session'], (c) => c.json({ ok: true }));
  api.get('/missing', () => {
    throw notFound('Thing');
  });
  app.route('/api/v1', api);
  return app;
}

export type TCall = { status: number; headers: Headers; body: Record<string, unknown> };

export async function callAs(
  app: Hono<TAppEnv>,
  who: { actor?: TActorContext; user?: string; ip?: string; forwardedFor?: string },
  path = '/api/v1/ping',
  method = 'GET',
): Promise<TCall> {
  const headers: Record<string, string> = {};
  if (who.actor) headers['x-test-actor'] = JSON.stringify(who.actor);
  if (who.user) headers['x-test-user'] = who.user;
  if (who.forwardedFor) headers['x-forwarded-for'] = who.forwardedFor;
  const res = await app.request(path, { method, headers }, fromIp(who.ip ?? '192.0.2.1'));
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
}
