import type { BetterAuthOptions } from 'better-auth';
import type { TEmitAccountEvent } from './emit-account-event.ts';
import { UserEmailVerified, UserPasswordReset, UserSignedIn, UserSignedOut, UserSignedUp } from './events.ts';

/**
 * Endpoints whose ending of a session means "these credentials must stop working": signing out, revoking
 * sessions (one, all, or the others) and resetting or changing the password. Refresh tokens are not tied to
 * the session that minted them, so each of these revokes every refresh-token family of the user: a stolen
 * refresh token must not outlive the sign-out or reset meant to lock its thief out.
 */
const ENDS_CREDENTIALS = new Set([
  '/sign-out',
  '/revoke-session',
  '/revoke-sessions',
  '/revoke-other-sessions',
  '/reset-password',
  '/change-password',
]);

/**
 * better-auth's database hooks that put account events in the audit trail and revoke refresh tokens when a
 * session is ended on purpose. Its `after` hooks run once the write has committed (queued behind sign-up's
 * transaction), so an event never names a rolled-back user. Only sessions ended by `/sign-out` count as
 * sign-outs: the sessions a password reset revokes are not.
 */
export function accountAuditHooks(
  emit: TEmitAccountEvent,
  revokeRefreshTokens: (userId: string) => Promise<void>,
  /** Also run after a user is created (the instance's first account becomes its admin). */
  afterSignUp: (userId: string) => Promise<unknown>,
): NonNullable<BetterAuthOptions['databaseHooks']> {
  return {
    user: {
      create: {
        after: async (user) => {
          await afterSignUp(user.id);
          await emit(UserSignedUp, { userId: user.id, email: user.email, name: user.name });
        },
      },
    },
    session: {
      create: {
        after: async (session, context) => {
          await emit(UserSignedIn, {
            userId: session.userId,
            via: context?.path ?? null,
            ipAddress: session.ipAddress ?? null,
            userAgent: session.userAgent ?? null,
          });
        },
      },
      delete: {
        after: async (session, context) => {
          if (context?.path && ENDS_CREDENTIALS.has(context.path)) await revokeRefreshTokens(session.userId);
          if (context?.path !== '/sign-out') return;
          await emit(UserSignedOut, { userId: session.userId });
        },
      },
    },
  };
}

/** Called by better-auth after a verification link flipped emailVerified to true. */
export const onEmailVerified =
  (emit: TEmitAccountEvent) =>
  async (user: { id: string; email: string; emailVerified: boolean }): Promise<void> => {
    if (!user.emailVerified) return;
    await emit(UserEmailVerified, { userId: user.id, email: user.email });
  };

/**
 * Called by better-auth after a reset link set a new password. The refresh tokens go here too: a user with no
 * open session has none for the session hook to see.
 */
export const onPasswordReset =
  (emit: TEmitAccountEvent, revokeRefreshTokens: (userId: string) => Promise<void>) =>
  async ({ user }: { user: { id: string; email: string } }): Promise<void> => {
    await revokeRefreshTokens(user.id);
    await emit(UserPasswordReset, { userId: user.id, email: user.email });
  };
