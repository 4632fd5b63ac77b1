import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import { assertCan, type TActor } from '../../identity/permissions/index.ts';
import { isUniqueViolation } from '../providers/db-errors.ts';
import { aiRoutes } from '../schema.ts';
import { checkTargets } from './check-targets.ts';
import { routeNameConflict } from './create-route.ts';
import { loadRouteRow } from './load-route.ts';
import { toRouteView } from './route-view.ts';
import type { TRouteView, TUpdateRouteInput } from './schemas.ts';

/** Changes some fields of a route (`ai_provider:manage`); new targets are checked like on create. */
export async function updateRoute({
  db,
  actor,
  routeId,
  input,
}: {
  db: Database;
  actor: TActor;
  routeId: string;
  input: TUpdateRouteInput;
}): Promise<TRouteView> {
  assertCan(actor, 'ai_provider:manage');
  const organizationId = actor.organizationId;
  try {
    const row = await withTenant(db, organizationId, async (tx) => {
      await loadRouteRow(tx, organizationId, routeId);
      await checkTargets(tx, organizationId, input);
      const [updated] = await tx
        .update(aiRoutes)
        .set({ ...input, updatedAt: sql`now()` })
        .where(and(eq(aiRoutes.id, routeId), eq(aiRoutes.organizationId, organizationId)))
        .returning();
      return updated;
    });
    if (!row) throw notFound('AI route');
    return toRouteView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw routeNameConflict();
    throw err;
  }
}
