import { client, request, type TApiBody, type TApiData } from '../../lib/api-client.ts';

export type TModel = TApiData<'/api/v1/ai/models', 'get'>['data'][number];
export type TRoute = TApiData<'/api/v1/ai/routes', 'get'>['data'][number];
export type TProvider = TApiData<'/api/v1/ai/providers', 'get'>['data'][number];
export type TGenerateBody = TApiBody<'/api/v1/ai/generate', 'post'>;
export type TGenerateResult = TApiData<'/api/v1/ai/generate', 'post'>;

export const modelsKey = ['ai', 'models'] as const;
export const routesKey = ['ai', 'routes'] as const;
export const providersKey = ['ai', 'providers'] as const;

/** Lists for pickers: one page of the most the API gives (an organization's own configuration is small). */
const ALL = { query: { limit: 100 } } as const;

export const fetchModels = (signal?: AbortSignal) =>
  request(client.GET('/api/v1/ai/models', { params: ALL, signal }));
export const fetchRoutes = (signal?: AbortSignal) =>
  request(client.GET('/api/v1/ai/routes', { params: ALL, signal }));
export const fetchProviders = (signal?: AbortSignal) =>
  request(client.GET('/api/v1/ai/providers', { params: ALL, signal }));

/**
 * POST /ai/generate with `stream: true`, answered as server-sent events (read them with streamSse). Plain
 * fetch rather than the openapi-fetch client: the body must stay an unread stream. Aborting `signal` closes
 * the connection, which the server sees and stops the upstream call.
 */
export const startGeneration = (body: TGenerateBody, signal: AbortSignal): Promise<Response> =>
  fetch('/api/v1/ai/generate', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify({ ...body, stream: true }),
    signal,
  });
