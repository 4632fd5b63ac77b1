import { and, eq } from 'drizzle-orm';
import type { TExecutor } from '../../platform/db/index.ts';
import { contentItems } from './schema.ts';

/**
 * A content item as a permission resource (its author and project), or null when the organization has no
 * item with this id: another tenant's id is looked up with the same WHERE clause as an unknown one.
 */
export async function contentItemResource(
  on: TExecutor,
  organizationId: string,
  contentItemId: string,
): Promise<{ organizationId: string; ownerId: string; projectId?: string } | null> {
  const [row] = await on
    .select({ ownerId: contentItems.userId, projectId: contentItems.projectId })
    .from(contentItems)
    .where(and(eq(contentItems.id, contentItemId), eq(contentItems.organizationId, organizationId)));
  if (!row) return null;
  return { organizationId, ownerId: row.ownerId, ...(row.projectId ? { projectId: row.projectId } : {}) };
}
