import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import type { TActor } from '../../identity/index.ts';
import { isUniqueViolation } from '../providers/db-errors.ts';
import { aiRoutes } from '../schema.ts';
import { checkTargets } from './check-targets.ts';
import { toModelRouteView } from './model-route-view.ts';
import type { TCreateModelRouteInput, TModelRouteView } from './schemas.ts';

export const modelRouteNameConflict = () =>
  new AppError('CONFLICT', 'A route with this name already exists', {
    details: [{ field: 'name', message: 'Already used in this organization' }],
  });

/** Creates a named route (`ai_provider:manage`) after checking each target's provider belongs to the org. */
export async function createModelRoute({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: TActor;
  input: TCreateModelRouteInput;
}): Promise<TModelRouteView> {
  const organizationId = actor.organizationId;
  try {
    const row = await withTenant(db, organizationId, async (tx) => {
      await checkTargets(tx, organizationId, input);
      const [inserted] = await tx
        .insert(aiRoutes)
        .values({ organizationId, createdBy: actor.userId, ...input })
        .returning();
      return inserted;
    });
    if (!row) throw new Error('insert into ai_routes returned no row');
    return toModelRouteView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw modelRouteNameConflict();
    throw err;
  }
}
