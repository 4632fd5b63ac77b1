// Test helpers for identity routes: run a router behind the app's error handler as a given actor, and make
// users and organizations with real rows. Imported by tests only.

import { eq } from 'drizzle-orm';
import { type Env, type ErrorHandler, Hono, type MiddlewareHandler } from 'hono';
import pino from 'pino';
import type { TPlan } from '../../../contracts/plans.ts';
import type { Database } from '../../platform/db/index.ts';
import type { EventBus } from '../../platform/events/index.ts';
import { createErrorHandler } from '../../platform/http/index.ts';
import { createRouters } from './access/create-routers.ts';
import type { TActorContext, TIdentityEnv } from './actor.ts';
import { createApiKey } from './api-keys/create-api-key.ts';
import { organizationMembers, organizations, users } from './schema.ts';

const passThrough: MiddlewareHandler = async (_c, next) => {
  await next();
};

/**
 * Guarded routers for route tests behind `asActor`: the actor is already set, so authentication and the rate
 * limit pass through, while each route's declared action is enforced as in the app.
 */
export const ACTOR_ROUTERS = createRouters({
  asMember: passThrough,
  asUser: passThrough,
  rateLimit: passThrough,
  instanceAdmin: passThrough,
});

/** The router mounted at /api/v1 with a request id, a logger, the error envelope, and `actor` set. */
export function asActor<E extends Env>(router: Hono<E>, actor: () => TActorContext): Hono<TIdentityEnv> {
  const log = pino({ level: 'silent' });
  const app = new Hono<TIdentityEnv>();
  app.use(async (c, next) => {
    c.set('requestId', crypto.randomUUID());
    c.set('log', log);
    const a = actor();
    c.set('actor', a);
    c.set('user', { id: a.userId, email: '', authMethod: a.authMethod });
    await next();
  });
  app.onError(createErrorHandler(log) as unknown as ErrorHandler<TIdentityEnv>);
  app.route('/api/v1', router as unknown as Hono<TIdentityEnv>);
  return app;
}

type TOrgRole = (typeof organizationMembers.$inferInsert)['role'];

/** A user with a membership (role given) in a new organization; returns the actor for them. */
export async function seedMember(
  db: Database,
  opts: {
    role?: NonNullable<TOrgRole>;
    organizationId?: string;
    plan?: TPlan;
  } = {},
): Promise<TActorContext & { email: string }> {
  const email = `u-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const [user] = await db.orm.insert(users).values({ email, name: email, emailVerified: true }).returning();
  let organizationId = opts.organizationId;
  if (!organizationId) {
    const slug = `org-${crypto.randomUUID().slice(0, 8)}`;
    const [org] = await db.orm
      .insert(organizations)
      .values({ name: slug, slug, plan: opts.plan ?? 'pro' })
      .returning();
    organizationId = org!.id;
  }
  const role = opts.role ?? 'owner';
  await db.orm.insert(organizationMembers).values({ organizationId, userId: user!.id, role });
  return { userId: user!.id, organizationId, orgRole: role, authMethod: 'session', email };
}

/** A member (see seedMember) whose account is also an instance admin, and an `admin`-scoped API key of theirs. */
export async function seedInstanceAdmin(
  db: Database,
  events: EventBus,
): Promise<TActorContext & { email: string; key: string }> {
  const member = await seedMember(db, { role: 'owner' });
  await db.orm.update(users).set({ isInstanceAdmin: true }).where(eq(users.id, member.userId));
  const { key } = await createApiKey({
    events,
    actor: member,
    input: { name: 'operator', scopes: ['admin'] },
  });
  return { ...member, key };
}
