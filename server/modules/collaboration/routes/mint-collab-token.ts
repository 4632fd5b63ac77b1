import type { Keyring } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import type { TActorContext } from '../../identity/index.ts';
import { API_KEY_SCOPES } from '../../identity/permissions/index.ts';
import {
  permissionsOfRole,
  resolveMembershipFromDb,
  signingKeyCacheFor,
} from '../../identity/tokens/index.ts';
import { signAccessToken } from '../../identity/tokens/sign-access-token.ts';

/**
 * Lifetime of a join token: long enough to open the socket and a few documents, short enough that a leaked
 * one is soon worthless. Hocuspocus checks it per document opened, so an open socket outlives it.
 */
export const COLLAB_TOKEN_TTL_SECONDS = 5 * 60;

/**
 * An ordinary FlashFusion access JWT (EdDSA, the identity module's signing keys), so the collaboration
 * endpoint verifies it like any bearer token; no refresh token is made. The role is read from the membership
 * now, and a caller who came with an API key gets a token with no more than that key's scopes.
 */
export async function mintCollabToken({
  db,
  keyring,
  actor,
}: {
  db: Database;
  keyring: Keyring;
  actor: TActorContext;
}): Promise<{ token: string; expiresIn: number }> {
  const grant = await resolveMembershipFromDb({ db })(actor.userId, actor.organizationId);
  if (!grant) throw new AppError('INSUFFICIENT_PERMISSIONS', 'Not a member of this organization');
  const signer = await signingKeyCacheFor(db).signingKey(keyring);
  const token = await signAccessToken({
    signer,
    userId: actor.userId,
    organizationId: actor.organizationId,
    grant: {
      orgRole: grant.orgRole,
      permissions: permissionsOfRole(grant.orgRole),
      scope: [...(actor.apiKeyScopes ?? API_KEY_SCOPES)],
    },
    ttlSeconds: COLLAB_TOKEN_TTL_SECONDS,
  });
  return { token, expiresIn: COLLAB_TOKEN_TTL_SECONDS };
}
