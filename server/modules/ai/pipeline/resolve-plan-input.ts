// Which targets a call may use: a named route's targets and fallback chain, or one target for a model id.
import { and, asc, eq } from 'drizzle-orm';
import { isUuid } from '../../../../contracts/ids.ts';
import type { Secrets } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import type { TTargetPolicy } from '../../../platform/net/index.ts';
import type { Catalogue } from '../catalogue/find-model.ts';
import type { TPlanInput, TRetryPolicy } from '../gateway/index.ts';
import { findModelRouteByName } from '../model-routes/load-model-route.ts';
import { resolveTarget } from '../providers/resolve-target.ts';
import { aiModels, aiProviders } from '../schema.ts';
import {
  LOCAL_PROVIDER,
  PROVIDER_KINDS,
  type TGenerateRequest,
  type TResolvedTarget,
  type TTarget,
} from '../types.ts';

export type TResolveDeps = {
  db: Database;
  secrets: Secrets;
  catalogue: Catalogue;
  /** Which addresses providers may be reached at (ALLOW_PRIVATE_AI_PROVIDERS). */
  network: TTargetPolicy;
};

/** The model a call names when it names neither a route nor a model: the built-in one, always available. */
export const DEFAULT_MODEL = 'local';

function unavailable(model: string, why: string): AppError {
  return new AppError('MODEL_UNAVAILABLE', `Model ${model} is not available: ${why}`, {
    details: [{ field: 'model', message: why }],
  });
}

/**
 * The target a model id names. Accepted forms: `local`; `<providerId>:<model>`; `<kind>:<model>` (e.g.
 * `openai:gpt-4o-mini`, the organization's first provider of that kind); or a bare catalogue id (`gpt-4o-mini`,
 * or a custom model of the organization), which goes to the organization's provider for it.
 */
async function targetForModel(deps: TResolveDeps, organizationId: string, id: string): Promise<TTarget> {
  if (id === LOCAL_PROVIDER) return { provider: LOCAL_PROVIDER, model: 'local' };
  const colon = id.indexOf(':');
  if (colon > 0) {
    const head = id.slice(0, colon);
    const model = id.slice(colon + 1);
    if (!model) throw unavailable(id, 'no model after the colon');
    if (isUuid(head)) return { provider: head.toLowerCase(), model };
    if ((PROVIDER_KINDS as readonly string[]).includes(head)) {
      if (head === LOCAL_PROVIDER) return { provider: LOCAL_PROVIDER, model: 'local' };
      return { provider: await providerOfKind(deps, organizationId, head, id), model };
    }
  }
  const entry = await withTenant(deps.db, organizationId, async (tx) => {
    const rows = await tx
      .select({ kind: aiModels.providerKind, providerId: aiModels.providerId, org: aiModels.organizationId })
      .from(aiModels)
      .where(eq(aiModels.model, id));
    // The organization's own entry wins over the instance catalogue.
    return rows.find((r) => r.org === organizationId) ?? rows[0];
  });
  if (!entry)
    throw new AppError('RESOURCE_NOT_FOUND', `Unknown model ${id}`, {
      details: [{ field: 'model', message: 'Not in the catalogue' }],
    });
  if (entry.kind === LOCAL_PROVIDER) return { provider: LOCAL_PROVIDER, model: 'local' };
  if (entry.providerId) return { provider: entry.providerId, model: id };
  return { provider: await providerOfKind(deps, organizationId, entry.kind, id), model: id };
}

async function providerOfKind(deps: TResolveDeps, organizationId: string, kind: string, model: string) {
  const [row] = await withTenant(deps.db, organizationId, (tx) =>
    tx
      .select({ id: aiProviders.id })
      .from(aiProviders)
      .where(
        and(
          eq(aiProviders.organizationId, organizationId),
          eq(aiProviders.kind, kind as 'openai'),
          eq(aiProviders.status, 'active'),
        ),
      )
      .orderBy(asc(aiProviders.createdAt))
      .limit(1),
  );
  if (!row)
    throw unavailable(model, `no active ${kind} provider is configured (add one under /api/v1/ai/providers)`);
  return row.id;
}

/** Resolves every target; a target whose provider is gone is left out unless none is left. */
async function resolveAll(deps: TResolveDeps, organizationId: string, targets: TTarget[]) {
  const settled = await Promise.allSettled(
    targets.map((target) => resolveTarget({ ...deps, organizationId, target })),
  );
  const resolved: { target: TResolvedTarget; weight: number }[] = [];
  settled.forEach((s, i) => {
    if (s.status === 'fulfilled') resolved.push({ target: s.value, weight: targets[i]?.weight ?? 1 });
  });
  return { resolved, firstError: settled.find((s) => s.status === 'rejected')?.reason as unknown };
}

/** The targets a call names, before any is made callable: enough for the cache key. */
export interface TNamedTargets {
  routeId: string;
  routeName: string | null;
  strategy: TPlanInput['strategy'];
  targets: TTarget[];
  fallback: TTarget[];
  policy: Partial<TRetryPolicy>;
}

/** Which targets the call names: the route's, or the one its model id names. */
export async function nameTargets(
  deps: TResolveDeps,
  organizationId: string,
  request: TGenerateRequest,
): Promise<TNamedTargets> {
  if (request.route) {
    const route = await findModelRouteByName({ db: deps.db, organizationId, name: request.route });
    return {
      routeId: route.id,
      routeName: route.name,
      strategy: route.strategy,
      targets: route.targets,
      fallback: route.fallback,
      policy: { timeoutMs: route.timeoutMs, maxRetries: route.maxRetries },
    };
  }
  const id = request.model ?? DEFAULT_MODEL;
  return {
    routeId: `model:${id}`,
    routeName: null,
    strategy: 'round-robin',
    targets: [await targetForModel(deps, organizationId, id)],
    fallback: [],
    policy: {},
  };
}

/** The planner's input: every named target made callable (a target whose provider is gone is left out). */
export async function resolvePlanInput(
  deps: TResolveDeps,
  organizationId: string,
  named: TNamedTargets,
): Promise<TPlanInput> {
  const main = await resolveAll(deps, organizationId, named.targets);
  const fallback = await resolveAll(deps, organizationId, named.fallback);
  if (main.resolved.length + fallback.resolved.length === 0) throw main.firstError ?? fallback.firstError;
  return {
    routeId: named.routeId,
    routeName: named.routeName,
    strategy: named.strategy,
    targets: main.resolved,
    fallback: fallback.resolved.map((r) => r.target),
  };
}
