import type { Keyring } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import type { TActorContext } from '../actor.ts';
import { API_KEY_SCOPES } from '../permissions/index.ts';
import { permissionsOfRole, resolveMembershipFromDb } from './resolve-membership-from-db.ts';
import { signAccessToken } from './sign-access-token.ts';
import { signingKeyCacheFor } from './signing-key-cache.ts';

/**
 * A short-lived access JWT for an already authenticated actor, with no refresh token: for another endpoint
 * that verifies bearer tokens (the collaboration WebSocket). The role is read from the membership now, so a
 * demoted or removed member cannot mint one with their old rights, and a caller who came with an API key gets
 * no more than that key's scopes.
 */
export async function mintAccessToken({
  db,
  keyring,
  actor,
  ttlSeconds,
}: {
  db: Database;
  keyring: Keyring;
  actor: TActorContext;
  ttlSeconds: number;
}): Promise<string> {
  const grant = await resolveMembershipFromDb({ db })(actor.userId, actor.organizationId);
  if (!grant) throw new AppError('INSUFFICIENT_PERMISSIONS', 'Not a member of this organization');
  return signAccessToken({
    signer: await signingKeyCacheFor(db).signingKey(keyring),
    userId: actor.userId,
    organizationId: actor.organizationId,
    grant: {
      orgRole: grant.orgRole,
      permissions: permissionsOfRole(grant.orgRole),
      scope: [...(actor.apiKeyScopes ?? API_KEY_SCOPES)],
    },
    ttlSeconds,
  });
}
