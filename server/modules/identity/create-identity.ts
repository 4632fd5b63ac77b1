import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { TAppEnv } from '../../platform/http/index.ts';
import type { Platform } from '../../platform/platform.ts';
import type { TActorContext } from './actor.ts';
import { API_KEY_PREFIX, apiKeyRoutes, verifyApiKey } from './api-keys/index.ts';
import { auditRoutes } from './audit/list-audit-route.ts';
import { authOpenApi, type TAuthOpenApi } from './auth/auth-openapi.ts';
import { authRoutes } from './auth/auth-routes.ts';
import { authSecretFrom } from './auth/auth-secret.ts';
import { createAuth, type TAuth } from './auth/create-auth.ts';
import { authenticate, type TBearerResolver } from './authenticate/authenticate.ts';
import { resolveSession } from './authenticate/resolve-session.ts';
import { createApiRateLimit } from './limits/api-rate-limit.ts';
import { createSignInLockout } from './limits/sign-in-lockout.ts';
import { usageRoutes } from './limits/usage-route.ts';
import { organizationRoutes } from './organizations/index.ts';
import { mergePlanLimits, type TPlanLimitsTable } from './organizations/plans.ts';
import { API_KEY_SCOPES, type TApiKeyScope } from './permissions/index.ts';
import { projectRoutes } from './projects/index.ts';
import {
  issueTokenRoute,
  refreshTokenRoute,
  resolveMembershipFromDb,
  verifyAccessToken,
} from './tokens/index.ts';
import { meRoutes } from './users/me-routes.ts';

export interface Identity {
  readonly auth: TAuth;
  /** Mounts every identity route on the /api/v1 router, each behind the authentication it needs. */
  mount(api: OpenAPIHono<TAppEnv>): void;
  /** better-auth's endpoints described for FlashFusion's OpenAPI document. */
  openApi(): Promise<TAuthOpenApi>;
  /**
   * For routes mounted outside `mount` (the OpenAI-compatible /v1/*): authenticates a member of an
   * organization by API key, access token or session and sets `c.get('actor')` and `c.get('user')` (401/403
   * in the SPEC envelope otherwise). Paths under /api/v1 listed in ORG_LEVEL already get it from `mount`.
   */
  readonly authenticateMember: MiddlewareHandler;
  /** The hourly per-plan budget per API key, user or IP (429 + Retry-After), shared through Redis. */
  readonly apiRateLimit: MiddlewareHandler;
  /** This instance's plan limits: the SPEC §3 defaults with env PLAN_LIMITS merged over them. */
  readonly planLimits: TPlanLimitsTable;
  /**
   * The actor behind a connection that is not a Hono request (the collaboration WebSocket): a bearer token
   * (API key or JWT) when given, else the session cookie of `headers`, which only counts with a trusted
   * Origin (a cross-site page could otherwise open a socket with the user's cookie). Null when nothing
   * authenticates a member of an organization; a malformed or revoked token throws AUTHENTICATION_FAILED.
   */
  resolveActor(headers: Headers, bearerToken?: string): Promise<TActorContext | null>;
}

// Paths a signed-in user reaches before belonging to any organization (onboarding); everything else under
// these prefixes needs an organization to act in.
// Hono's '/x/*' also matches '/x' itself, so organization paths are matched by parameter instead.
const USER_LEVEL = ['/users/*', '/invitations/accept', '/organizations', '/collaboration/invites/accept'];
const ORG_LEVEL = [
  '/agents',
  '/agents/*',
  '/ai',
  '/ai/*',
  '/approvals',
  '/approvals/*',
  '/audit',
  '/audit/*',
  // Not '/collaboration/*': /collaboration/invites/accept is reached by invitees with no organization yet.
  '/collaboration',
  '/collaboration/sessions/*',
  '/collaboration/invites',
  '/api-keys',
  '/api-keys/*',
  '/organizations/:id/*',
  '/projects',
  '/projects/*',
  '/runs',
  '/runs/*',
  '/tokens',
  '/workflows',
  '/workflows/*',
];

/** The identity module, built on the platform: accounts, sessions, the actor of every request, its routes. */
export function createIdentity(
  platform: Platform,
  opts: {
    /** Prefix of the rate-limit and lockout counters; tests give each server its own so runs never share them. */
    limitsNamespace?: string;
  } = {},
): Identity {
  const { db, env, log, mailer, keyring } = platform;
  const auth = createAuth({
    db,
    baseUrl: env.PUBLIC_URL,
    secret: authSecretFrom(keyring.current.key),
    sendMail: async (m) => {
      await mailer.send(m);
    },
    log,
    events: platform.events,
  });
  const bearer: TBearerResolver[] = [
    async (token) => {
      if (!token.startsWith(API_KEY_PREFIX)) return null;
      const key = await verifyApiKey({ db, cache: platform.cache, key: token });
      const user = { id: key.userId, email: '', authMethod: 'api_key' as const };
      return {
        user,
        actor: {
          userId: key.userId,
          organizationId: key.organizationId,
          orgRole: key.orgRole,
          apiKeyScopes: key.scopes,
          apiKeyId: key.apiKeyId,
          authMethod: 'api_key',
        },
      };
    },
    async (token) => {
      // Anything else that looks like a JWT is one of ours or refused.
      if (token.split('.').length !== 3) return null;
      const claims = await verifyAccessToken({ db, token });
      return {
        user: { id: claims.sub, email: '', authMethod: 'jwt' as const },
        actor: {
          userId: claims.sub,
          organizationId: claims.org,
          orgRole: claims.role,
          apiKeyScopes: claims.scope.filter((s): s is TApiKeyScope =>
            (API_KEY_SCOPES as readonly string[]).includes(s),
          ),
          authMethod: 'jwt',
        },
      };
    },
  ];
  const membership = resolveMembershipFromDb({ db });
  const ns = opts.limitsNamespace ?? '';
  const planLimits = mergePlanLimits(env.PLAN_LIMITS);
  const apiRateLimit = createApiRateLimit({
    db,
    redis: platform.redis,
    cache: platform.cache,
    trustProxy: env.TRUST_PROXY,
    namePrefix: `${ns}api`,
    planLimits,
  });
  const signInLockout = createSignInLockout({
    redis: platform.redis,
    trustProxy: env.TRUST_PROXY,
    name: `${ns}sign-in`,
  });
  const common = {
    resolveSession: (headers: Headers) => resolveSession({ db, auth }, headers),
    resolveBearer: bearer,
    trustedOrigins: [env.PUBLIC_URL, ...env.CORS_ORIGINS],
  };
  const trustedOrigins = new Set(common.trustedOrigins.map((o) => new URL(o).origin));
  const asUser: MiddlewareHandler = authenticate({ ...common, requireOrganization: false });
  const asMember: MiddlewareHandler = authenticate({ ...common, requireOrganization: true });
  let openApiCache: Promise<TAuthOpenApi> | undefined;

  return {
    auth,
    authenticateMember: asMember,
    apiRateLimit,
    planLimits,
    async resolveActor(headers, bearerToken) {
      if (bearerToken) {
        for (const resolve of bearer) {
          const found = await resolve(bearerToken);
          if (found) return found.actor;
        }
        return null;
      }
      const origin = headers.get('origin');
      if (!origin || !trustedOrigins.has(origin)) return null;
      return (await common.resolveSession(headers))?.actor ?? null;
    },
    mount(api) {
      // Password guessing is slowed per account and per IP before better-auth sees the attempt.
      api.use('/auth/sign-in/email', signInLockout);
      api.route('/', refreshTokenRoute({ db, keyring, resolveMembership: membership }));
      api.route('/', authRoutes(auth));
      for (const path of USER_LEVEL) api.use(path, asUser);
      for (const path of ORG_LEVEL) api.use(path, asMember);
      // After authentication (so the key or user is known), before every module route: one hourly budget per
      // API key, user or IP, by plan, shared by all processes through Redis.
      api.use('*', apiRateLimit);
      api.route('/', usageRoutes({ db, limiters: apiRateLimit.limiters, planLimits }) as never);
      api.route('/', meRoutes({ db }) as never);
      api.route('/', auditRoutes({ db }) as never);
      api.route('/', apiKeyRoutes({ db, events: platform.events, cache: platform.cache }) as never);
      api.route('/', projectRoutes({ db, events: platform.events }) as never);
      api.route('/', issueTokenRoute({ db, keyring, resolveMembership: membership }) as never);
      api.route(
        '/',
        organizationRoutes({
          db,
          events: platform.events,
          cache: platform.cache,
          planLimits,
          mailer,
          publicUrl: env.PUBLIC_URL,
        }) as never,
      );
    },
    openApi() {
      openApiCache ??= authOpenApi(auth);
      return openApiCache;
    },
  };
}
