import { and, eq } from 'drizzle-orm';
import { isUuid } from '../../../../contracts/ids.ts';
import type { Database, TTx } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import { aiRoutes } from '../schema.ts';
import type { TModelRoute } from '../types.ts';
import { toModelRoute } from './model-route-view.ts';

/** The organization's route row by id, in a tenant transaction; RESOURCE_NOT_FOUND otherwise. */
export async function loadModelRouteRow(tx: TTx, organizationId: string, id: string) {
  if (!isUuid(id)) throw notFound('AI route');
  const [row] = await tx
    .select()
    .from(aiRoutes)
    .where(and(eq(aiRoutes.id, id), eq(aiRoutes.organizationId, organizationId)));
  if (!row) throw notFound('AI route');
  return row;
}

/**
 * The gateway's lookup of a route by the name a caller passed; RESOURCE_NOT_FOUND when the organization has
 * none by that name. No permission check: the caller's `ai:generate` is checked by the gateway.
 */
export async function findModelRouteByName({
  db,
  organizationId,
  name,
}: {
  db: Database;
  organizationId: string;
  name: string;
}): Promise<TModelRoute> {
  const [row] = await withTenant(db, organizationId, (tx) =>
    tx
      .select()
      .from(aiRoutes)
      .where(and(eq(aiRoutes.organizationId, organizationId), eq(aiRoutes.name, name))),
  );
  if (!row) throw notFound('AI route');
  return toModelRoute(row);
}
