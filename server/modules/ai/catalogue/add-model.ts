import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import type { TActor } from '../../identity/index.ts';
import { isUniqueViolation } from '../providers/db-errors.ts';
import { loadProvider } from '../providers/load-provider.ts';
import { aiModels } from '../schema.ts';
import { toModel } from './model-view.ts';
import type { TAddModelInput, TModel } from './schemas.ts';

/** Adds a model served by one of the organization's providers, with its own prices (`ai_provider:manage`). */
export async function addModel({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: TActor;
  input: TAddModelInput;
}): Promise<TModel> {
  const organizationId = actor.organizationId;
  try {
    const row = await withTenant(db, organizationId, async (tx) => {
      const provider = await loadProvider(tx, organizationId, input.providerId).catch(() => {
        throw new AppError('VALIDATION_ERROR', 'Unknown provider', {
          details: [{ field: 'providerId', message: 'No such provider in this organization' }],
        });
      });
      const [inserted] = await tx
        .insert(aiModels)
        .values({
          organizationId,
          providerKind: provider.kind,
          providerId: provider.id,
          model: input.model,
          displayName: input.displayName ?? input.model,
          description: input.description ?? null,
          capabilities: input.capabilities,
          contextWindow: input.contextWindow,
          inputPricePer1k: String(input.inputPricePer1k),
          outputPricePer1k: String(input.outputPricePer1k),
          status: input.status,
        })
        .returning();
      return inserted;
    });
    if (!row) throw new Error('insert into ai_models returned no row');
    return toModel(row);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('CONFLICT', 'This provider already has that model', {
        details: [{ field: 'model', message: 'Already in the catalogue for this provider' }],
      });
    }
    throw err;
  }
}
