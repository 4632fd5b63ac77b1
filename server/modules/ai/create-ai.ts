// The AI module assembled on the platform (SPEC §4): data routes (providers, catalogue, routes, budget, usage),
// POST /ai/generate and the OpenAI-compatible /v1; its budget sweep runs where workers run.
import type { TModule } from '../../platform/module.ts';
import type { Platform } from '../../platform/platform.ts';
import { getOrganizationPlan, type Identity } from '../identity/index.ts';
import { BUDGET_SWEEP_CRON, budgetSweepJob } from './budgets/sweep-job.ts';
import { createCatalogue } from './catalogue/find-model.ts';
import { generateRoutes } from './http/generate-route.ts';
import { listGatewayModels } from './http/list-gateway-models.ts';
import { chatCompletionsRoute, modelsRoute } from './openai-compat/index.ts';
import { createAiGateway } from './pipeline/create-ai-gateway.ts';
import { createGenerationQuota } from './pipeline/generation-quota.ts';
import { aiDataRoutes } from './providers/ai-data-routes.ts';
import type { TAiGateway } from './types.ts';

export interface AiModule extends TModule {
  readonly gateway: TAiGateway;
}

export function createAi(
  platform: Platform,
  identity: Identity,
  opts: { limitsNamespace?: string } = {},
): AiModule {
  const { db, events, secrets, log, cache, redis } = platform;
  const catalogue = createCatalogue({ db });
  // Provider base URLs are chosen by organizations: loopback and private networks only when the operator says.
  const network = { allowPrivateNetworks: platform.env.ALLOW_PRIVATE_AI_PROVIDERS };
  const gateway = createAiGateway({
    db,
    secrets,
    catalogue,
    network,
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
  const routers = identity.routers;
  return {
    name: 'ai',
    gateway,
    mount(api) {
      api.route('/', aiDataRoutes({ db, events, secrets, routers, network }));
      api.route('/', generateRoutes({ gateway, routers, db }));
    },
    mountRoot(app) {
      const listModels = (org: string) => listGatewayModels({ db, organizationId: org });
      app.route(
        '/v1',
        chatCompletionsRoute({ gateway, routers }).route('/', modelsRoute({ listModels, routers })),
      );
    },
    schedules: [{ job: budgetSweepJob(db), cron: BUDGET_SWEEP_CRON, payload: {} }],
  };
}
