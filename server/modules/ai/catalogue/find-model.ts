import { and, eq, isNull, or } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { aiModels } from '../schema.ts';
import type { TProviderKind } from '../types.ts';
import { toModel } from './model-view.ts';
import type { TModel } from './schemas.ts';

/** Looks up the catalogue entry that prices a target. */
export interface Catalogue {
  /**
   * The organization's own entry for this provider and model, else the instance entry for the provider's
   * kind and model; null when the model is not in the catalogue (it is then priced at 0).
   */
  findModel(query: {
    organizationId: string;
    providerKind: TProviderKind;
    providerId: string | null;
    model: string;
  }): Promise<TModel | null>;
}

/** The catalogue over the database, each lookup in a tenant transaction. */
export function createCatalogue({ db }: { db: Database }): Catalogue {
  return {
    async findModel({ organizationId, providerKind, providerId, model }) {
      const rows = await withTenant(db, organizationId, (tx) =>
        tx
          .select()
          .from(aiModels)
          .where(
            and(
              eq(aiModels.model, model),
              or(
                and(isNull(aiModels.organizationId), eq(aiModels.providerKind, providerKind)),
                providerId
                  ? and(eq(aiModels.organizationId, organizationId), eq(aiModels.providerId, providerId))
                  : undefined,
              ),
            ),
          ),
      );
      const row = rows.find((r) => r.organizationId !== null) ?? rows[0];
      return row ? toModel(row) : null;
    },
  };
}
