import type { Keyring } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { mintAccessToken, type TActorContext } from '../../identity/index.ts';

/**
 * Lifetime of a join token: long enough to open the socket and a few documents, short enough that a leaked
 * one is soon worthless. Hocuspocus checks it per document opened, so an open socket outlives it.
 */
export const COLLAB_TOKEN_TTL_SECONDS = 5 * 60;

/**
 * An ordinary FlashFusion access JWT (the identity module's signing keys), so the collaboration endpoint
 * verifies it like any bearer token; no refresh token is made.
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
  const token = await mintAccessToken({ db, keyring, actor, ttlSeconds: COLLAB_TOKEN_TTL_SECONDS });
  return { token, expiresIn: COLLAB_TOKEN_TTL_SECONDS };
}
