import type { BetterAuthOptions } from 'better-auth';
import type { TEmitAccountEvent } from './emit-account-event.ts';
import { UserEmailVerified, UserPasswordReset, UserSignedIn, UserSignedOut, UserSignedUp } from './events.ts';

/**
 * better-auth's database hooks that put account events in the audit trail. Its `after` hooks run once the
 * write has committed (queued behind sign-up's transaction), so an event never names a rolled-back user.
 * Only sessions ended by `/sign-out` count as sign-outs: the sessions a password reset revokes are not.
 */
export function accountAuditHooks(
  emit: TEmitAccountEvent,
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

/** Called by better-auth after a reset link set a new password. */
export const onPasswordReset =
  (emit: TEmitAccountEvent) =>
  async ({ user }: { user: { id: string; email: string } }): Promise<void> => {
    await emit(UserPasswordReset, { userId: user.id, email: user.email });
  };
