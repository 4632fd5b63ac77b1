import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import type { TActor } from '../../identity/index.ts';
import { aiModels } from '../schema.ts';
import { loadOwnModel } from './load-model.ts';
import { toModel } from './model-view.ts';
import type { TModel, TUpdateModelInput } from './schemas.ts';

/** Changes the status or prices of one of the organization's models (`ai_provider:manage`). */
export async function updateModel({
  db,
  actor,
  modelId,
  input,
}: {
  db: Database;
  actor: TActor;
  modelId: string;
  input: TUpdateModelInput;
}): Promise<TModel> {
  const organizationId = actor.organizationId;
  return withTenant(db, organizationId, async (tx) => {
    const current = await loadOwnModel(tx, organizationId, modelId);
    const [row] = await tx
      .update(aiModels)
      .set({
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.inputPricePer1k !== undefined ? { inputPricePer1k: String(input.inputPricePer1k) } : {}),
        ...(input.outputPricePer1k !== undefined ? { outputPricePer1k: String(input.outputPricePer1k) } : {}),
        updatedAt: sql`now()`,
      })
      .where(and(eq(aiModels.id, current.id), eq(aiModels.organizationId, organizationId)))
      .returning();
    if (!row) throw new Error('update of ai_models returned no row');
    return toModel(row);
  });
}
