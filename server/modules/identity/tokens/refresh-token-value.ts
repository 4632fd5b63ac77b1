import { createHash, randomBytes } from 'node:crypto';
import type { TExecutor } from '../../../platform/db/index.ts';
import { refreshTokens } from '../access-schema.ts';
import { REFRESH_TOKEN_PREFIX } from './constants.ts';

const SHAPE = /^ffr_[A-Za-z0-9_-]{43}$/;

/** True for strings shaped like a refresh token (`ffr_` + 32 bytes base64url); others are refused unread. */
export const isWellFormedRefreshToken = (value: unknown): value is string =>
  typeof value === 'string' && SHAPE.test(value);

/** Only this hash is stored: a database leak gives no usable refresh token. */
export const hashRefreshToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Stores a new refresh token in a family and returns its value (shown once, never stored). */
export async function insertRefreshToken(
  tx: TExecutor,
  opts: {
    userId: string;
    organizationId: string;
    familyId: string;
    parentId: string | null;
    ttlSeconds: number;
    now: Date;
  },
): Promise<string> {
  const token = `${REFRESH_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  await tx.insert(refreshTokens).values({
    userId: opts.userId,
    organizationId: opts.organizationId,
    familyId: opts.familyId,
    parentId: opts.parentId,
    tokenHash: hashRefreshToken(token),
    expiresAt: new Date(opts.now.getTime() + opts.ttlSeconds * 1000),
  });
  return token;
}
