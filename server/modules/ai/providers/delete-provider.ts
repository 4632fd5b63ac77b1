import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import type { TActor } from '../../identity/index.ts';
import { aiProviders } from '../schema.ts';

/**
 * Deletes a provider and its sealed key (`ai_provider:manage`); its custom catalogue models go with it.
 * Routes that still name it fail to resolve that target (RESOURCE_NOT_FOUND) and fall over to the next one.
 */
export async function deleteProvider({
  db,
  actor,
  providerId,
}: {
  db: Database;
  actor: TActor;
  providerId: string;
}): Promise<void> {
  const deleted = await withTenant(db, actor.organizationId, (tx) =>
    tx
      .delete(aiProviders)
      .where(and(eq(aiProviders.id, providerId), eq(aiProviders.organizationId, actor.organizationId)))
      .returning({ id: aiProviders.id }),
  );
  if (deleted.length === 0) throw notFound('AI provider');
}
