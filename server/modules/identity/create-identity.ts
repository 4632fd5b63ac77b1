import type { MiddlewareHandler } from 'hono';
import { mergePlanLimits, type TPlanLimitsTable } from '../../../contracts/plans.ts';
import { AppError } from '../../platform/http/index.ts';
import type { TModule } from '../../platform/module.ts';
import type { Platform } from '../../platform/platform.ts';
import { createRouters, type TRouters } from './access/create-routers.ts';
import { requireInstanceAdmin } from './access/require-instance-admin.ts';
import type { TActorContext } from './actor.ts';
import { adminRoutes } from './admin/admin-routes.ts';
import { API_KEY_PREFIX, apiKeyRoutes, verifyApiKey } from './api-keys/index.ts';
import { auditRoutes } from './audit/list-audit-route.ts';
import { authOpenApi, type TAuthOpenApi } from './auth/auth-openapi.ts';
import { authRoutes } from './auth/auth-routes.ts';
import { authSecretFrom } from './auth/auth-secret.ts';
import { createAuth, type TAuth } from './auth/create-auth.ts';
import { authenticate, type TBearerResolver } from './authenticate/authenticate.ts';
import { currentMemberRole } from './authenticate/current-member-role.ts';
import { resolveSession } from './authenticate/resolve-session.ts';
import { createApiRateLimit } from './limits/api-rate-limit.ts';
import { createSignInLockout } from './limits/sign-in-lockout.ts';
import { usageRoutes } from './limits/usage-route.ts';
import { organizationRoutes } from './organizations/index.ts';
import { API_KEY_SCOPES, type TApiKeyScope } from './permissions/index.ts';
import { projectRoutes } from './projects/index.ts';
import {
  issueTokenRoute,
  RETIRE_SIGNING_KEYS_CRON,
  refreshTokenRoute,
  resolveMembershipFromDb,
  retireSigningKeysJob,
  revokeTokenRoute,
  verifyAccessToken,
} from './tokens/index.ts';
import { meRoutes } from './users/me-routes.ts';

export interface Identity extends TModule {
  readonly auth: TAuth;
  /**
   * Guarded routers for every module's routes: each route declares its access once in `x-permission` (an
   * action, `member`, `authenticated` or `public`) and the router authenticates, rate-limits and authorizes
   * it from that declaration.
   */
  readonly routers: TRouters;
  /** better-auth's endpoints described for FlashFusion's OpenAPI document. */
  openApi(): Promise<TAuthOpenApi>;
  /** This instance's plan limits: the built-in table with env PLAN_LIMITS merged over it. */
  readonly planLimits: TPlanLimitsTable;
  /**
   * The actor behind a connection that is not a Hono request (the collaboration WebSocket): a bearer token
   * (API key or JWT) when given, else the session cookie of `headers`, which only counts with a trusted
   * Origin (a cross-site page could otherwise open a socket with the user's cookie). Null when nothing
   * authenticates a member of an organization; a malformed or revoked token throws AUTHENTICATION_FAILED.
   */
  resolveActor(headers: Headers, bearerToken?: string): Promise<TActorContext | null>;
}

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
      // The token's `role` is what the member held when it was minted; they act with the role they hold now.
      const orgRole = await currentMemberRole({
        db,
        cache: platform.cache,
        organizationId: claims.org,
        userId: claims.sub,
      });
      if (!orgRole) {
        throw new AppError('AUTHENTICATION_FAILED', 'This access token’s organization membership has ended');
      }
      return {
        user: { id: claims.sub, email: '', authMethod: 'jwt' as const },
        actor: {
          userId: claims.sub,
          organizationId: claims.org,
          orgRole,
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
    abusePerMinute: env.ABUSE_REQUESTS_PER_MINUTE,
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

  const routers = createRouters({
    asMember,
    asUser,
    rateLimit: apiRateLimit,
    instanceAdmin: requireInstanceAdmin(db),
  });

  return {
    name: 'identity',
    auth,
    routers,
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
      api.route('/', authRoutes(auth, asUser, apiRateLimit));
      const deps = { db, events: platform.events, cache: platform.cache, routers };
      api.route('/', refreshTokenRoute({ db, keyring, resolveMembership: membership, routers }));
      api.route('/', revokeTokenRoute({ db, routers }));
      api.route('/', issueTokenRoute({ db, keyring, resolveMembership: membership, routers }));
      api.route('/', usageRoutes({ db, limiters: apiRateLimit.limiters, planLimits, routers }));
      api.route('/', meRoutes({ db, routers }));
      api.route('/', auditRoutes({ db, routers }));
      api.route('/', apiKeyRoutes(deps));
      api.route('/', projectRoutes(deps));
      api.route(
        '/',
        organizationRoutes({
          ...deps,
          planLimits,
          mailer,
          publicUrl: env.PUBLIC_URL,
          defaultPlan: env.DEFAULT_PLAN,
        }),
      );
      api.route('/', adminRoutes(deps));
    },
    schedules: [{ job: retireSigningKeysJob(db), cron: RETIRE_SIGNING_KEYS_CRON, payload: {} }],
    openApi() {
      openApiCache ??= authOpenApi(auth);
      return openApiCache;
    },
  };
}
