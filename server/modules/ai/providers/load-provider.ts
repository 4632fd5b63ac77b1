import { and, eq } from 'drizzle-orm';
import { isUuid } from '../../../../contracts/ids.ts';
import type { TTx } from '../../../platform/db/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import { aiProviders } from '../schema.ts';

/**
 * The organization's provider row, inside a tenant transaction; RESOURCE_NOT_FOUND for an unknown id, another
 * organization's id or a string that is not an id at all (a target naming garbage).
 */
export async function loadProvider(
  tx: TTx,
  organizationId: string,
  providerId: string,
): Promise<typeof aiProviders.$inferSelect> {
  if (!isUuid(providerId)) throw notFound('AI provider');
  const [row] = await tx
    .select()
    .from(aiProviders)
    .where(and(eq(aiProviders.id, providerId), eq(aiProviders.organizationId, organizationId)));
  if (!row) throw notFound('AI provider');
  return row;
}
