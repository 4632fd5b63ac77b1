import { and, eq, inArray } from 'drizzle-orm';
import { isUuid } from '../../../../contracts/ids.ts';
import type { TTx } from '../../../platform/db/index.ts';
import { AppError, type TErrorDetail } from '../../../platform/http/index.ts';
import { aiProviders } from '../schema.ts';
import { LOCAL_PROVIDER, type TTarget } from '../types.ts';

/**
 * VALIDATION_ERROR naming each target whose provider is neither 'local' nor a provider of the organization
 * (another organization's provider id is as unknown as a made-up one).
 */
export async function checkTargets(
  tx: TTx,
  organizationId: string,
  lists: { targets?: TTarget[]; fallback?: TTarget[] },
): Promise<void> {
  const ids = [...(lists.targets ?? []), ...(lists.fallback ?? [])]
    .map((t) => t.provider)
    .filter((p) => p !== LOCAL_PROVIDER && isUuid(p));
  const known = new Set(
    ids.length === 0
      ? []
      : (
          await tx
            .select({ id: aiProviders.id })
            .from(aiProviders)
            .where(and(eq(aiProviders.organizationId, organizationId), inArray(aiProviders.id, ids)))
        ).map((r) => r.id.toLowerCase()),
  );
  const details: TErrorDetail[] = [];
  for (const list of ['targets', 'fallback'] as const) {
    lists[list]?.forEach((t, i) => {
      if (t.provider !== LOCAL_PROVIDER && !known.has(t.provider.toLowerCase())) {
        details.push({ field: `${list}.${i}.provider`, message: `Unknown provider ${t.provider}` });
      }
    });
  }
  if (details.length > 0) throw new AppError('VALIDATION_ERROR', 'Invalid route targets', { details });
}
