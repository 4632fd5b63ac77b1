import { client, request, type TApiBody, type TApiData } from '../../../lib/api-client.ts';

export type TApiKey = TApiData<'/api/v1/api-keys', 'get'>['data'][number];
export type TCreateApiKey = TApiBody<'/api/v1/api-keys', 'post'>;
export type TScope = TApiKey['scopes'][number];

export const apiKeysKey = (offset: number) => ['api-keys', offset] as const;
export const API_KEYS_PAGE = 20;

export const fetchApiKeys = (offset: number, signal?: AbortSignal) =>
  request(
    client.GET('/api/v1/api-keys', {
      params: { query: { limit: API_KEYS_PAGE, offset, order: 'desc' } },
      signal,
    }),
  );

/** Answers the whole key once (`key`); the server keeps only its hash. */
export const createApiKey = (body: TCreateApiKey) => request(client.POST('/api/v1/api-keys', { body }));

export const revokeApiKey = (id: string) =>
  request(client.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } }));
