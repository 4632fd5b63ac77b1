import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import type { TActor } from '../../identity/index.ts';
import { loadModelRouteRow } from './load-model-route.ts';
import { toModelRouteView } from './model-route-view.ts';
import type { TModelRouteView } from './schemas.ts';

/** One route of the organization by id (`ai_provider:read`). */
export async function getModelRoute({
  db,
  actor,
  routeId,
}: {
  db: Database;
  actor: TActor;
  routeId: string;
}): Promise<TModelRouteView> {
  return toModelRouteView(
    await withTenant(db, actor.organizationId, (tx) => loadModelRouteRow(tx, actor.organizationId, routeId)),
  );
}
