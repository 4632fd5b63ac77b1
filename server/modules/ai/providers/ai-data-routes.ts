import type { OpenAPIHono } from '@hono/zod-openapi';
import type { TIdentityEnv } from '../../identity/index.ts';
import { budgetRoutes } from '../budgets/budget-routes.ts';
import { modelRoutes } from '../catalogue/model-routes.ts';
import { modelRouteRoutes } from '../model-routes/routes.ts';
import { usageRoutes } from '../usage/usage-routes.ts';
import { usageSummaryRoutes } from '../usage/usage-summary-route.ts';
import type { TAiDataDeps } from './deps.ts';
import { providerRoutes } from './provider-routes.ts';

export type { TAiDataDeps } from './deps.ts';

/**
 * Every /ai data route (providers, models and their usage, routes, budget), to be mounted under /api/v1
 * behind member authentication (`actor` set; create-identity.ts lists /ai and /ai/* as organization paths).
 */
export function aiDataRoutes(deps: TAiDataDeps): OpenAPIHono<TIdentityEnv> {
  return deps.routers
    .member()
    .route('/', providerRoutes(deps))
    .route('/', usageRoutes(deps))
    .route('/', usageSummaryRoutes(deps))
    .route('/', modelRoutes(deps))
    .route('/', modelRouteRoutes(deps))
    .route('/', budgetRoutes(deps));
}
