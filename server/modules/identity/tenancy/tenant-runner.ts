import type { Context } from 'hono';
import type { Database, TTx } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import type { EventBus, TEmit } from '../../../platform/events/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import type { TActorContext } from '../actor.ts';

/**
 * Database work of one organization, run as the tenant role (ff_app) with app.organization_id set, so
 * row-level security hides every other organization's rows even from a query that forgets its WHERE clause.
 * Every organization-scoped operation of the identity module goes through one of these; other modules mounted
 * behind member authentication get the request's runner from `identity.tenant(c)`.
 */
export interface TenantRunner {
  readonly organizationId: string;
  /** One transaction as the tenant (reads, writes that emit no event). */
  run<T>(work: (tx: TTx) => Promise<T>): Promise<T>;
  /** One transaction as the tenant whose domain events (of this organization) commit with it. */
  transaction<T>(work: (tx: TTx, emit: TEmit) => Promise<T>): Promise<T>;
}

export type TTenantDeps = { db: Database; events: EventBus };

/** The runner of one organization. */
export function tenantRunner(deps: TTenantDeps, organizationId: string): TenantRunner {
  return {
    organizationId,
    run: (work) => withTenant(deps.db, organizationId, work),
    transaction: (work) => deps.events.transaction(work, { organizationId }),
  };
}

/** The runner of the organization the authenticated actor acts in. */
export function tenantOf(deps: TTenantDeps, actor: Pick<TActorContext, 'organizationId'>): TenantRunner {
  return tenantRunner(deps, actor.organizationId);
}

/**
 * The request-scoped runner: the organization of `c.get('actor')`. Only behind member authentication; a route
 * mounted without it is a wiring bug, answered as an authentication failure rather than run unscoped.
 */
export function requestTenant(deps: TTenantDeps, c: Context): TenantRunner {
  const actor = c.get('actor') as TActorContext | undefined;
  if (!actor) throw new AppError('AUTHENTICATION_FAILED', 'This route needs a member of an organization');
  return tenantOf(deps, actor);
}
