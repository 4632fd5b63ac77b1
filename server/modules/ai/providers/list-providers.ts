import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import type { TActor } from '../../identity/index.ts';
import { aiProviders } from '../schema.ts';
import { toProvider } from './provider-view.ts';
import type { TProvider } from './schemas.ts';

/** The organization's providers by name (`ai_provider:read`); keys appear only as hints. */
export async function listProviders({ db, actor }: { db: Database; actor: TActor }): Promise<TProvider[]> {
  const rows = await withTenant(db, actor.organizationId, (tx) =>
    tx
      .select()
      .from(aiProviders)
      .where(eq(aiProviders.organizationId, actor.organizationId))
      .orderBy(asc(aiProviders.name), asc(aiProviders.id)),
  );
  return rows.map(toProvider);
}
