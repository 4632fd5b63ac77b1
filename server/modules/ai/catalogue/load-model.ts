import { and, eq, isNull, or } from 'drizzle-orm';
import { isUuid } from '../../../../contracts/ids.ts';
import type { TTx } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/http/index.ts';
import { aiModels } from '../schema.ts';

/**
 * A catalogue row the organization can see, by row id or by model id ("gpt-4o"; the organization's own row
 * wins over the instance's). RESOURCE_NOT_FOUND otherwise, including another organization's rows.
 */
export async function loadVisibleModel(
  tx: TTx,
  organizationId: string,
  idOrModel: string,
): Promise<typeof aiModels.$inferSelect> {
  const visible = or(isNull(aiModels.organizationId), eq(aiModels.organizationId, organizationId));
  const match = isUuid(idOrModel) ? eq(aiModels.id, idOrModel) : eq(aiModels.model, idOrModel);
  const rows = await tx.select().from(aiModels).where(and(visible, match));
  const row = rows.find((r) => r.organizationId !== null) ?? rows[0];
  if (!row) throw notFound('AI model');
  return row;
}

/** A row the organization may change: its own. Instance rows belong to the operator (403). */
export async function loadOwnModel(
  tx: TTx,
  organizationId: string,
  id: string,
): Promise<typeof aiModels.$inferSelect> {
  if (!isUuid(id)) throw notFound('AI model');
  const row = await loadVisibleModel(tx, organizationId, id);
  if (row.organizationId === null) {
    throw new AppError('INSUFFICIENT_PERMISSIONS', 'Instance catalogue models are managed by the operator', {
      details: [{ field: 'id', message: 'Only the organization’s own models can be changed' }],
    });
  }
  return row;
}
