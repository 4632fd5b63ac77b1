import type { EventBus } from '../../../platform/events/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import { apiKeys } from '../access-schema.ts';
import { API_KEY_SCOPES, scopesSatisfy, type TActor, type TApiKeyScope } from '../permissions/index.ts';
import { type TApiKey, toApiKey } from './api-key-record.ts';
import { displayPrefix, generateApiKey, hashApiKey } from './api-key-secret.ts';
import { ApiKeyCreated } from './events.ts';
import { grantableScopes } from './grantable-scopes.ts';

export type TCreateApiKeyInput = { name: string; scopes: readonly TApiKeyScope[]; expiresAt?: Date };

/**
 * Creates a key for the actor in the actor's organization. Returns the plaintext key, which exists only in
 * this return value (shown once), and the stored record, which never holds it.
 */
export async function createApiKey({
  events,
  actor,
  input,
  now = new Date(),
}: {
  events: EventBus;
  actor: TActor;
  input: TCreateApiKeyInput;
  now?: Date;
}): Promise<{ key: string; apiKey: TApiKey }> {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 100) {
    throw new AppError('VALIDATION_ERROR', 'Invalid API key', {
      details: [{ field: 'name', message: 'Must be 1 to 100 characters' }],
    });
  }
  // Catalogue order and no duplicates, whatever order the caller used.
  const scopes = API_KEY_SCOPES.filter((s) => input.scopes.includes(s));
  if (scopes.length === 0) {
    throw new AppError('VALIDATION_ERROR', 'Invalid API key', {
      details: [{ field: 'scopes', message: 'At least one scope is required' }],
    });
  }
  if (input.expiresAt && !(input.expiresAt.getTime() > now.getTime())) {
    throw new AppError('VALIDATION_ERROR', 'Invalid API key', {
      details: [{ field: 'expiresAt', message: 'Must be in the future' }],
    });
  }
  const allowed = grantableScopes(actor.orgRole);
  // A caller using a key can hand out no more than that key holds either.
  const beyond = scopes.filter(
    (s) =>
      !allowed.includes(s) || (actor.apiKeyScopes !== undefined && !scopesSatisfy(actor.apiKeyScopes, s)),
  );
  if (beyond.length > 0) {
    throw new AppError('INSUFFICIENT_PERMISSIONS', 'Scopes exceed what your role may grant', {
      details: beyond.map((scope) => ({
        field: 'scopes',
        message: `Your role may not grant ${scope}`,
        scope,
      })),
    });
  }

  const key = generateApiKey();
  const row = await events.transaction(
    async (tx, emit) => {
      const [inserted] = await tx
        .insert(apiKeys)
        .values({
          organizationId: actor.organizationId,
          userId: actor.userId,
          name,
          prefix: displayPrefix(key),
          keyHash: hashApiKey(key),
          scopes,
          expiresAt: input.expiresAt ?? null,
        })
        .returning();
      if (!inserted) throw new Error('API key insert returned no row');
      await emit(ApiKeyCreated, {
        aggregateId: inserted.id,
        organizationId: actor.organizationId,
        userId: actor.userId,
        payload: {
          apiKeyId: inserted.id,
          name,
          prefix: inserted.prefix,
          scopes,
          expiresAt: inserted.expiresAt?.toISOString() ?? null,
        },
      });
      return inserted;
    },
    { organizationId: actor.organizationId },
  );
  return { key, apiKey: toApiKey(row) };
}
