import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { assertCan, type TActor } from '../../identity/permissions/index.ts';
import { aiRoutes } from '../schema.ts';
import { loadRouteRow } from './load-route.ts';

/** Deletes a route (`ai_provider:manage`). */
export async function deleteRoute({
  db,
  actor,
  routeId,
}: {
  db: Database;
  actor: TActor;
  routeId: string;
}): Promise<void> {
  assertCan(actor, 'ai_provider:manage');
  const organizationId = actor.organizationId;
  await withTenant(db, organizationId, async (tx) => {
    await loadRouteRow(tx, organizationId, routeId);
    await tx
      .delete(aiRoutes)
      .where(and(eq(aiRoutes.id, routeId), eq(aiRoutes.organizationId, organizationId)));
  });
}
