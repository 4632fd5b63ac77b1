import { and, eq, isNull, or } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
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
/** How long a price or status read stays in the process: a catalogue edit takes effect within this time. */
export const CATALOGUE_TTL_MS = 30_000;

export function createCatalogue({
  db,
  ttlMs = CATALOGUE_TTL_MS,
}: {
  db: Database;
  ttlMs?: number;
}): Catalogue {
  // Every call prices its targets; the catalogue changes rarely, so lookups are kept briefly per process.
  const recent = new LRUCache<string, { entry: TModel | null }>({ max: 5_000, ttl: ttlMs });
  return {
    async findModel(query) {
      const key = `${query.organizationId}|${query.providerKind}|${query.providerId ?? ''}|${query.model}`;
      const hit = recent.get(key);
      if (hit) return hit.entry;
      const entry = await lookup(db, query);
      if (ttlMs > 0) recent.set(key, { entry });
      return entry;
    },
  };
}

async function lookup(
  db: Database,
  { organizationId, providerKind, providerId, model }: Parameters<Catalogue['findModel']>[0],
): Promise<TModel | null> {
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
}
