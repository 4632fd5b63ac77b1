import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { errorResponses } from '../../../platform/http/index.ts';
import type { TIdentityEnv } from '../../identity/index.ts';
import { json, type TAiDataDeps } from '../providers/deps.ts';
import { ZBudgetSchema, ZPutBudgetBodySchema } from './budget-view.ts';
import { getBudget } from './get-budget.ts';
import { setBudget } from './set-budget.ts';

const get = createRoute({
  method: 'get',
  path: '/ai/budget',
  tags: ['ai'],
  summary: 'Monthly AI limits and this month’s used and reserved tokens and cost',
  'x-permission': 'ai_provider:read',
  responses: { 200: { description: 'The budget', ...json(ZBudgetSchema) }, ...errorResponses([401, 403]) },
});

const put = createRoute({
  method: 'put',
  path: '/ai/budget',
  tags: ['ai'],
  summary: 'Set the monthly token and cost limits (null: unlimited)',
  'x-permission': 'organization:manage_billing',
  request: { body: { required: true, ...json(ZPutBudgetBodySchema) } },
  responses: {
    200: { description: 'The budget', ...json(ZBudgetSchema) },
    ...errorResponses([400, 401, 403]),
  },
});

/** GET/PUT /ai/budget. */
export function budgetRoutes(deps: TAiDataDeps): OpenAPIHono<TIdentityEnv> {
  return deps.routers
    .member()
    .openapi(get, async (c) => c.json(await getBudget({ db: deps.db, actor: c.get('actor') }), 200))
    .openapi(put, async (c) =>
      c.json(await setBudget({ db: deps.db, actor: c.get('actor'), input: c.req.valid('json') }), 200),
    );
}
