import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { assertCan, type TActor } from '../../identity/permissions/index.ts';
import { loadRouteRow } from './load-route.ts';
import { toRouteView } from './route-view.ts';
import type { TRouteView } from './schemas.ts';

/** One route of the organization by id (`ai_provider:read`). */
export async function getRoute({
  db,
  actor,
  routeId,
}: {
  db: Database;
  actor: TActor;
  routeId: string;
}): Promise<TRouteView> {
  assertCan(actor, 'ai_provider:read');
  return toRouteView(
    await withTenant(db, actor.organizationId, (tx) => loadRouteRow(tx, actor.organizationId, routeId)),
  );
}
