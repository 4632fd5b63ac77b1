import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import type { TListQuery } from '../../../../contracts/pagination.ts';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { apiKeys } from '../access-schema.ts';
import { isAllowed, type TActor } from '../permissions/index.ts';
import { type TApiKey, toApiKey } from './api-key-record.ts';

/**
 * The organization's keys, masked. Roles granted `api_key:read` organization-wide (admin and up) see every
 * key; everyone else sees only their own (the owner rule of the catalogue). Revoked and expired keys are
 * listed too, with their dates, so users can see what happened to a key.
 */
export async function listApiKeys({
  db,
  actor,
  query,
}: {
  db: Database;
  actor: TActor;
  query: TListQuery;
}): Promise<{ rows: TApiKey[]; total: number }> {
  const conditions: SQL[] = [eq(apiKeys.organizationId, actor.organizationId)];
  if (!isAllowed(actor, 'api_key:read')) conditions.push(eq(apiKeys.userId, actor.userId));
  const where = and(...conditions);
  const direction = query.order === 'desc' ? desc : asc;
  const [rows, [totals]] = await withTenant(db, actor.organizationId, (tx) =>
    Promise.all([
      tx
        .select()
        .from(apiKeys)
        .where(where)
        .orderBy(direction(apiKeys.createdAt), direction(apiKeys.id))
        .limit(query.limit)
        .offset(query.offset),
      tx.select({ total: count() }).from(apiKeys).where(where),
    ]),
  );
  return { rows: rows.map(toApiKey), total: totals?.total ?? 0 };
}
