import type { Secrets } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import type { TTargetPolicy } from '../../../platform/net/index.ts';
import type { TActor } from '../../identity/index.ts';
import { aiProviders } from '../schema.ts';
import { checkBaseUrl } from './check-base-url.ts';
import { isUniqueViolation } from './db-errors.ts';
import { maskApiKey, toProvider } from './provider-view.ts';
import type { TCreateProviderInput, TProvider } from './schemas.ts';

/**
 * Stores a provider credential for the actor's organization (`ai_provider:manage`). The key is sealed under
 * the organization's data key before the row is written; only its hint is ever returned. A base URL on a
 * private or local network is refused unless `network` allows it (ALLOW_PRIVATE_AI_PROVIDERS).
 */
export async function createProvider({
  db,
  secrets,
  actor,
  input,
  network,
}: {
  db: Database;
  secrets: Secrets;
  actor: TActor;
  input: TCreateProviderInput;
  network: TTargetPolicy;
}): Promise<TProvider> {
  const organizationId = actor.organizationId;
  if (input.baseUrl) await checkBaseUrl(input.baseUrl, network);
  // Sealed before the tenant transaction: the data key is created on the platform path on first use.
  const apiKeySealed = input.apiKey ? await secrets.encrypt(organizationId, input.apiKey) : null;
  try {
    const row = await withTenant(db, organizationId, async (tx) => {
      const [inserted] = await tx
        .insert(aiProviders)
        .values({
          organizationId,
          name: input.name,
          kind: input.kind,
          baseUrl: input.baseUrl ?? null,
          apiKeySealed,
          apiKeyHint: input.apiKey ? maskApiKey(input.apiKey) : null,
          createdBy: actor.userId,
        })
        .returning();
      return inserted;
    });
    if (!row) throw new Error('insert into ai_providers returned no row');
    return toProvider(row);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('CONFLICT', 'A provider with this name already exists', {
        details: [{ field: 'name', message: 'Already used in this organization' }],
      });
    }
    throw err;
  }
}
