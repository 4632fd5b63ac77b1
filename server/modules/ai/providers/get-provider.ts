import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { assertCan, type TActor } from '../../identity/permissions/index.ts';
import { loadProvider } from './load-provider.ts';
import { toProvider } from './provider-view.ts';
import type { TProvider } from './schemas.ts';

/** One provider of the organization (`ai_provider:read`); RESOURCE_NOT_FOUND for any other id. */
export async function getProvider({
  db,
  actor,
  providerId,
}: {
  db: Database;
  actor: TActor;
  providerId: string;
}): Promise<TProvider> {
  assertCan(actor, 'ai_provider:read');
  return toProvider(
    await withTenant(db, actor.organizationId, (tx) => loadProvider(tx, actor.organizationId, providerId)),
  );
}
