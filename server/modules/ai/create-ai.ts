// The AI module assembled on the platform (SPEC §4): data routes (providers, catalogue, routes, budget, usage),
// POST /ai/generate and the OpenAI-compatible /v1. Worker processes schedule its jobs with scheduleAiJobs.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRouter, type TAppEnv } from '../../platform/http/index.ts';
import type { Platform } from '../../platform/platform.ts';
import { getOrganizationPlan, type Identity } from '../identity/index.ts';
import { createCatalogue } from './catalogue/find-model.ts';
import { generateRoutes } from './http/generate-route.ts';
import { listGatewayModels } from './http/list-gateway-models.ts';
import { chatCompletionsRoute, modelsRoute } from './openai-compat/index.ts';
import { createAiGateway } from './pipeline/create-ai-gateway.ts';
import { createGenerationQuota } from './pipeline/generation-quota.ts';
import { aiDataRoutes } from './providers/ai-data-routes.ts';
import type { TAiGateway } from './types.ts';

export interface AiModule {
  readonly gateway: TAiGateway;
  /** Mounts /ai/* on the /api/v1 router (authentication comes from identity's ORG_LEVEL paths). */
  mount(api: OpenAPIHono<TAppEnv>): void;
  /** Mounts the OpenAI-compatible gateway at /v1 on the app, behind identity's authentication and rate limit. */
  mountOpenAiCompatible(app: OpenAPIHono<TAppEnv>): void;
}

export function createAi(
  platform: Platform,
  identity: Identity,
  opts: { limitsNamespace?: string } = {},
): AiModule {
  const { db, events, secrets, log, cache, redis } = platform;
  const catalogue = createCatalogue({ db });
  const gateway = createAiGateway({
    db,
    secrets,
    catalogue,
    events,
    log,
    cache,
    admitGeneration: createGenerationQuota({
      redis,
      limitFor: async (organizationId) =>
        identity.planLimits[await getOrganizationPlan({ db, cache, organizationId })].aiGenerationsPerHour,
      namePrefix: opts.limitsNamespace ?? '',
    }),
  });
  return {
    gateway,
    mount(api) {
      api.route('/', aiDataRoutes({ db, events, secrets }) as never);
      api.route('/', generateRoutes({ gateway }) as never);
    },
    mountOpenAiCompatible(app) {
      app.use('/v1/*', identity.authenticateMember, identity.apiRateLimit);
      const v1 = createRouter()
        .route('/', chatCompletionsRoute({ gateway }) as never)
        .route(
          '/',
          modelsRoute({ listModels: (org) => listGatewayModels({ db, organizationId: org }) }) as never,
        );
      app.route('/v1', v1);
    },
  };
}
