import { client, request, type TApiBody, type TApiData } from '../../../lib/api-client.ts';

export type TProvider = TApiData<'/api/v1/ai/providers', 'get'>['data'][number];
export type TCreateProvider = TApiBody<'/api/v1/ai/providers', 'post'>;
export type TConnectionResult = TApiData<'/api/v1/ai/providers/{id}/test', 'post'>;
export type TRoute = TApiData<'/api/v1/ai/routes', 'get'>['data'][number];
export type TCreateRoute = TApiBody<'/api/v1/ai/routes', 'post'>;
export type TBudgetLimits = TApiBody<'/api/v1/ai/budget', 'put'>;

export { budgetKey, fetchBudget } from '../../dashboard/api.ts';
export {
  fetchModels,
  fetchProviders,
  fetchRoutes,
  modelsKey,
  providersKey,
  routesKey,
} from '../../playground/api.ts';

export const createProvider = (body: TCreateProvider) =>
  request(client.POST('/api/v1/ai/providers', { body }));

export const deleteProvider = (id: string) =>
  request(client.DELETE('/api/v1/ai/providers/{id}', { params: { path: { id } } }));

/** Really calls the upstream with the stored key; a failed connection is a normal answer (`ok: false`). */
export const testProvider = (id: string) =>
  request(client.POST('/api/v1/ai/providers/{id}/test', { params: { path: { id } } }));

export const createRoute = (body: TCreateRoute) => request(client.POST('/api/v1/ai/routes', { body }));

export const deleteRoute = (id: string) =>
  request(client.DELETE('/api/v1/ai/routes/{id}', { params: { path: { id } } }));

export const putBudget = (body: TBudgetLimits) => request(client.PUT('/api/v1/ai/budget', { body }));
