import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import type { TActor } from '../../identity/index.ts';
import { aiModels } from '../schema.ts';
import { loadOwnModel } from './load-model.ts';

/** Deletes one of the organization's models (`ai_provider:manage`); instance models cannot be deleted. */
export async function deleteModel({
  db,
  actor,
  modelId,
}: {
  db: Database;
  actor: TActor;
  modelId: string;
}): Promise<void> {
  const organizationId = actor.organizationId;
  await withTenant(db, organizationId, async (tx) => {
    const current = await loadOwnModel(tx, organizationId, modelId);
    await tx
      .delete(aiModels)
      .where(and(eq(aiModels.id, current.id), eq(aiModels.organizationId, organizationId)));
  });
}
