import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { assertCan, type TActor } from '../../identity/permissions/index.ts';
import { aiRoutes } from '../schema.ts';
import { toRouteView } from './route-view.ts';
import type { TRouteView } from './schemas.ts';

/** The organization's routes by name (`ai_provider:read`). */
export async function listRoutes({ db, actor }: { db: Database; actor: TActor }): Promise<TRouteView[]> {
  assertCan(actor, 'ai_provider:read');
  const rows = await withTenant(db, actor.organizationId, (tx) =>
    tx
      .select()
      .from(aiRoutes)
      .where(eq(aiRoutes.organizationId, actor.organizationId))
      .orderBy(asc(aiRoutes.name)),
  );
  return rows.map(toRouteView);
}
