import { z } from 'zod';
import { defineEvent } from '../../../platform/events/index.ts';

// Domain events of accounts: the audit trail of sign-ups, verifications, sign-ins, sign-outs and password
// resets (issue 3 §1, §9). Payloads name the user and how, never a password, a token, a hash or a session id.
const ZId = z.uuid();

export const UserSignedUp = defineEvent(
  'user.signed_up',
  z.object({ userId: ZId, email: z.string(), name: z.string() }),
);

export const UserEmailVerified = defineEvent(
  'user.email_verified',
  z.object({ userId: ZId, email: z.string() }),
);

export const UserSignedIn = defineEvent(
  'user.signed_in',
  z.object({
    userId: ZId,
    /** The auth endpoint that opened the session, e.g. `/sign-in/email`; null when opened by the server. */
    via: z.string().nullable(),
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
  }),
);

export const UserSignedOut = defineEvent('user.signed_out', z.object({ userId: ZId }));

export const UserPasswordReset = defineEvent(
  'user.password_reset',
  z.object({ userId: ZId, email: z.string() }),
);
