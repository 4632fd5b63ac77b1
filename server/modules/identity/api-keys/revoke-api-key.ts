import { and, eq, isNull } from 'drizzle-orm';
import type { Cache } from '../../../platform/cache/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import { apiKeys } from '../access-schema.ts';
import { assertCan, isAllowed, type TActor, type TResource } from '../permissions/index.ts';
import { apiKeyCacheKey } from './api-key-secret.ts';
import { ApiKeyRevoked } from './events.ts';

/**
 * Revokes a key of the actor's organization. A key in another organization, or one the actor may not even
 * read (a member's key, for someone below admin), answers 404 like an unknown id. Revoking twice is fine
 * (no second event). The verification cache entry is deleted after the commit; the platform cache
 * propagates deletes to every process, so the key stops working everywhere at once.
 */
export async function revokeApiKey({
  events,
  cache,
  actor,
  id,
  now = new Date(),
}: {
  events: EventBus;
  cache: Cache;
  actor: TActor;
  id: string;
  now?: Date;
}): Promise<void> {
  const revokedKey = await events.transaction(
    async (tx, emit) => {
      const [key] = await tx
        .select()
        .from(apiKeys)
        .where(and(eq(apiKeys.id, id), eq(apiKeys.organizationId, actor.organizationId)));
      if (!key) throw notFound('API key');
      const resource: TResource = { organizationId: key.organizationId, ownerId: key.userId };
      if (!isAllowed(actor, 'api_key:read', resource)) throw notFound('API key');
      assertCan(actor, 'api_key:revoke', resource);
      const [revoked] = await tx
        .update(apiKeys)
        .set({ revokedAt: now })
        .where(and(eq(apiKeys.id, key.id), isNull(apiKeys.revokedAt)))
        .returning({ id: apiKeys.id });
      if (!revoked) return key;
      await emit(ApiKeyRevoked, {
        aggregateId: key.id,
        organizationId: key.organizationId,
        userId: actor.userId,
        payload: { apiKeyId: key.id, name: key.name, prefix: key.prefix, ownerId: key.userId },
      });
      return key;
    },
    { organizationId: actor.organizationId },
  );
  await cache.delete(apiKeyCacheKey(revokedKey.keyHash));
}
