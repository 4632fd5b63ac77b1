import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import type { TActor } from '../../identity/index.ts';
import { isUniqueViolation } from '../providers/db-errors.ts';
import { aiRoutes } from '../schema.ts';
import { checkTargets } from './check-targets.ts';
import { modelRouteNameConflict } from './create-model-route.ts';
import { loadModelRouteRow } from './load-model-route.ts';
import { toModelRouteView } from './model-route-view.ts';
import type { TModelRouteView, TUpdateModelRouteInput } from './schemas.ts';

/** Changes some fields of a route (`ai_provider:manage`); new targets are checked like on create. */
export async function updateModelRoute({
  db,
  actor,
  routeId,
  input,
}: {
  db: Database;
  actor: TActor;
  routeId: string;
  input: TUpdateModelRouteInput;
}): Promise<TModelRouteView> {
  const organizationId = actor.organizationId;
  try {
    const row = await withTenant(db, organizationId, async (tx) => {
      await loadModelRouteRow(tx, organizationId, routeId);
      await checkTargets(tx, organizationId, input);
      const [updated] = await tx
        .update(aiRoutes)
        .set({ ...input, updatedAt: sql`now()` })
        .where(and(eq(aiRoutes.id, routeId), eq(aiRoutes.organizationId, organizationId)))
        .returning();
      return updated;
    });
    if (!row) throw notFound('AI route');
    return toModelRouteView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw modelRouteNameConflict();
    throw err;
  }
}
