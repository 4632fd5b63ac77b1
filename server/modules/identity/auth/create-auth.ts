import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { openAPI } from 'better-auth/plugins';
import type { Logger } from 'pino';
import type { Database } from '../../../platform/db/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import { claimFirstAdmin } from '../admin/instance-admins.ts';
import { accounts, sessions, users, verifications } from '../schema.ts';
import { revokeAllForUser } from '../tokens/revoke-tokens.ts';
import { accountAuditHooks, onEmailVerified, onPasswordReset } from './account-audit-hooks.ts';
import { accountEventEmitter } from './emit-account-event.ts';
import { hashPassword, verifyPassword } from './password.ts';

/** Where better-auth's endpoints live; authRoutes mounts its handler on the same path. */
export const AUTH_BASE_PATH = '/api/v1/auth';
/** Cookie names become `ff.session_token` (with `__Secure-` in front on https). */
export const AUTH_COOKIE_PREFIX = 'ff';

export type TAuthMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  kind: 'verify-email' | 'reset-password';
};

export type TCreateAuthOptions = {
  db: Database;
  /** The public origin users reach the app on, e.g. `https://ff.example.com`; links in mails start with it. */
  baseUrl: string;
  /** At least 32 random characters; signs cookies and tokens. */
  secret: string;
  sendMail: (msg: TAuthMail) => Promise<void>;
  log: Logger;
  /** Where account events (user.signed_up, user.signed_in, …) go: the audit trail. */
  events: EventBus;
};

/** better-auth on FlashFusion's own tables: email + password, verified email required, argon2id hashes. */
export function createAuth({ db, baseUrl, secret, sendMail, log, events }: TCreateAuthOptions) {
  const secure = baseUrl.startsWith('https://');
  const emitAccountEvent = accountEventEmitter({ events, log });
  const revokeRefreshTokens = async (userId: string) => {
    await revokeAllForUser({ db, userId });
  };
  return betterAuth({
    appName: 'FlashFusion',
    baseURL: baseUrl,
    basePath: AUTH_BASE_PATH,
    secret,
    trustedOrigins: [new URL(baseUrl).origin],
    telemetry: { enabled: false },
    // Owner path: better-auth's users, sessions and accounts are instance tables, read before any tenant.
    database: drizzleAdapter(db.orm, {
      provider: 'pg',
      schema: { users, sessions, accounts, verifications },
      // Sign-up writes the user and its credential account together, or neither.
      transaction: true,
    }),
    user: { modelName: 'users', fields: { image: 'avatarUrl' } },
    session: { modelName: 'sessions' },
    account: { modelName: 'accounts' },
    verification: { modelName: 'verifications' },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      password: { hash: hashPassword, verify: verifyPassword },
      // A reset proves control of the mailbox; sessions opened with the old password must not survive it.
      revokeSessionsOnPasswordReset: true,
      onPasswordReset: onPasswordReset(emitAccountEvent, revokeRefreshTokens),
      sendResetPassword: async ({ user, url }) => {
        await sendMail({
          to: user.email,
          kind: 'reset-password',
          subject: 'Reset your FlashFusion password',
          text: `Someone asked to reset the password of your FlashFusion account.\n\nTo choose a new password, open:\n${url}\n\nThe link is valid for one hour. If it was not you, ignore this message.`,
        });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      afterEmailVerification: onEmailVerified(emitAccountEvent),
      sendVerificationEmail: async ({ user, url }) => {
        await sendMail({
          to: user.email,
          kind: 'verify-email',
          subject: 'Confirm your email for FlashFusion',
          text: `Welcome to FlashFusion.\n\nTo confirm your email address, open:\n${url}\n\nThe link is valid for one hour.`,
        });
      },
    },
    // The first account created on the instance becomes its admin (the operator who installed it).
    databaseHooks: accountAuditHooks(emitAccountEvent, revokeRefreshTokens, (userId) =>
      claimFirstAdmin(db, userId),
    ),
    // The plugin only lends its generator to authOpenApi (auth.api.generateOpenAPISchema on the server); its
    // own HTTP endpoints stay off, so every public route is in FlashFusion's one OpenAPI document.
    plugins: [openAPI({ disableDefaultReference: true })],
    disabledPaths: ['/open-api/generate-schema', '/reference'],
    advanced: {
      cookiePrefix: AUTH_COOKIE_PREFIX,
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      database: { generateId: 'uuid' },
      // better-auth turns its Origin/CSRF checks off when NODE_ENV is test; pinning them on keeps tests honest.
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    logger: {
      level: 'warn',
      log: (level, message, ...args) => {
        const fields = args.length > 0 ? { args } : {};
        log[level === 'debug' ? 'debug' : level](fields, `auth: ${message}`);
      },
    },
  });
}

export type TAuth = ReturnType<typeof createAuth>;
