import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import type { TActor } from '../../identity/index.ts';
import { aiRoutes } from '../schema.ts';
import { toModelRouteView } from './model-route-view.ts';
import type { TModelRouteView } from './schemas.ts';

/** The organization's routes by name (`ai_provider:read`). */
export async function listModelRoutes({
  db,
  actor,
}: {
  db: Database;
  actor: TActor;
}): Promise<TModelRouteView[]> {
  const rows = await withTenant(db, actor.organizationId, (tx) =>
    tx
      .select()
      .from(aiRoutes)
      .where(eq(aiRoutes.organizationId, actor.organizationId))
      .orderBy(asc(aiRoutes.name)),
  );
  return rows.map(toModelRouteView);
}
