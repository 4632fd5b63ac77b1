import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import type { TActor } from '../../identity/index.ts';
import { aiRoutes } from '../schema.ts';
import { loadModelRouteRow } from './load-model-route.ts';

/** Deletes a route (`ai_provider:manage`). */
export async function deleteModelRoute({
  db,
  actor,
  routeId,
}: {
  db: Database;
  actor: TActor;
  routeId: string;
}): Promise<void> {
  const organizationId = actor.organizationId;
  await withTenant(db, organizationId, async (tx) => {
    await loadModelRouteRow(tx, organizationId, routeId);
    await tx
      .delete(aiRoutes)
      .where(and(eq(aiRoutes.id, routeId), eq(aiRoutes.organizationId, organizationId)));
  });
}
