// What GET /v1/models lists: what the organization can actually call right now.
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import type { TListedModel } from '../openai-compat/index.ts';
import { ROUTE_MODEL_PREFIX } from '../openai-compat/index.ts';
import { aiModels, aiProviders, aiRoutes } from '../schema.ts';

/**
 * The built-in `local` model, catalogue models of a kind the organization has an active provider for, its
 * own custom models, and its named routes as `route:<name>`. Disabled models are left out.
 */
export async function listGatewayModels({
  db,
  organizationId,
}: {
  db: Database;
  organizationId: string;
}): Promise<TListedModel[]> {
  return withTenant(db, organizationId, async (tx) => {
    const providers = await tx
      .select({ kind: aiProviders.kind })
      .from(aiProviders)
      .where(and(eq(aiProviders.organizationId, organizationId), eq(aiProviders.status, 'active')));
    const kinds = new Set<string>(['local', ...providers.map((p) => p.kind)]);
    const models = await tx
      .select()
      .from(aiModels)
      .where(or(isNull(aiModels.organizationId), eq(aiModels.organizationId, organizationId)))
      .orderBy(asc(aiModels.providerKind), asc(aiModels.model));
    const routes = await tx
      .select({ name: aiRoutes.name, createdAt: aiRoutes.createdAt })
      .from(aiRoutes)
      .where(eq(aiRoutes.organizationId, organizationId))
      .orderBy(asc(aiRoutes.name));
    const seen = new Set<string>();
    const listed: TListedModel[] = [];
    for (const m of models) {
      const usable = m.status !== 'disabled' && (m.organizationId !== null || kinds.has(m.providerKind));
      if (!usable || seen.has(m.model)) continue;
      seen.add(m.model);
      listed.push({ id: m.model, ownedBy: m.providerKind, createdAt: m.createdAt });
    }
    for (const r of routes) {
      listed.push({
        id: `${ROUTE_MODEL_PREFIX}${r.name}`,
        ownedBy: 'flashfusion-route',
        createdAt: r.createdAt,
      });
    }
    return listed;
  });
}
