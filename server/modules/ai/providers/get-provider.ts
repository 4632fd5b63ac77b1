import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import type { TActor } from '../../identity/index.ts';
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
  return toProvider(
    await withTenant(db, actor.organizationId, (tx) => loadProvider(tx, actor.organizationId, providerId)),
  );
}
