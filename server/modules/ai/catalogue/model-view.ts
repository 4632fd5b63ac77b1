import type { aiModels } from '../schema.ts';
import type { TModel } from './schemas.ts';

/** The API's view of a catalogue row; prices as numbers. */
export function toModel(row: typeof aiModels.$inferSelect): TModel {
  return {
    id: row.id,
    organizationId: row.organizationId,
    scope: row.organizationId ? 'organization' : 'instance',
    providerKind: row.providerKind,
    providerId: row.providerId,
    model: row.model,
    displayName: row.displayName,
    description: row.description,
    capabilities: row.capabilities,
    contextWindow: row.contextWindow,
    inputPricePer1k: Number(row.inputPricePer1k),
    outputPricePer1k: Number(row.outputPricePer1k),
    status: row.status,
  };
}
