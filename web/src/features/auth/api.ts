import { client, request, type TApiBody } from '../../lib/api-client.ts';

// better-auth's email + password endpoints under /api/v1/auth; errors arrive in the SPEC envelope.

/**
 * Where the link in the verification mail lands after the server has checked it; the email (to prefill sign-in)
 * and the page to continue to (e.g. an invitation) travel along.
 */
export function verifiedCallback(email: string, next?: string | null): string {
  const query = new URLSearchParams({ verified: '1', email, ...(next ? { next } : {}) });
  return `/verify-email?${query}`;
}
/** Where the link in the password-reset mail lands, with ?token= (or ?error=) added by the server. */
export const RESET_CALLBACK = '/reset-password';

export const signUp = ({
  next,
  ...body
}: Omit<TApiBody<'/api/v1/auth/sign-up/email', 'post'>, 'callbackURL'> & { next?: string | null }) =>
  request(
    client.POST('/api/v1/auth/sign-up/email', {
      body: { ...body, callbackURL: verifiedCallback(body.email, next) },
    }),
  );

export const signIn = (body: { email: string; password: string; rememberMe?: boolean }) =>
  request(client.POST('/api/v1/auth/sign-in/email', { body }));

export const sendVerificationEmail = (email: string, next?: string | null) =>
  request(
    client.POST('/api/v1/auth/send-verification-email', {
      body: { email, callbackURL: verifiedCallback(email, next) },
    }),
  );

export const requestPasswordReset = (email: string) =>
  request(
    client.POST('/api/v1/auth/request-password-reset', { body: { email, redirectTo: RESET_CALLBACK } }),
  );

export const resetPassword = (body: { token: string; newPassword: string }) =>
  request(client.POST('/api/v1/auth/reset-password', { body }));

/** Password rules the server enforces (create-auth.ts); checked here first for a faster answer. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
