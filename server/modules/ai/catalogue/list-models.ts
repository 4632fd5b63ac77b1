import { asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { assertCan, type TActor } from '../../identity/index.ts';
import { aiModels } from '../schema.ts';
import { toModel } from './model-view.ts';
import type { TModel } from './schemas.ts';

/**
 * The catalogue as the organization sees it (`ai:generate`): the instance's models and its own, instance
 * first, each group by provider kind and model id.
 */
export async function listModels({ db, actor }: { db: Database; actor: TActor }): Promise<TModel[]> {
  // An organization-wide view: a project role does not grant it.
  assertCan(actor, 'ai:generate', { organizationId: actor.organizationId });
  const rows = await withTenant(db, actor.organizationId, (tx) =>
    tx
      .select()
      .from(aiModels)
      .where(or(isNull(aiModels.organizationId), eq(aiModels.organizationId, actor.organizationId)))
      .orderBy(
        sql`${aiModels.organizationId} is not null`,
        asc(aiModels.providerKind),
        asc(aiModels.model),
        asc(aiModels.id),
      ),
  );
  return rows.map(toModel);
}
