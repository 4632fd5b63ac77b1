import createClient from 'openapi-fetch';
import { ApiError, toApiError } from './api.ts';
import type { paths } from './api-schema.gen.ts';

/**
 * The typed FlashFusion API client: paths, parameters, bodies and answers come from the server's OpenAPI
 * document (web/src/lib/api-schema.gen.ts, `npm run gen:api`), so a server change the web app does not follow
 * fails `npm run check`. Same origin, session cookie.
 */
export const client = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

type TResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError carrying the server's envelope
 * (code, message, details, requestId) — e.g. `await request(client.GET('/api/v1/agents'))`.
 */
export async function request<T>(pending: Promise<TResult<T>>): Promise<T> {
  let result: TResult<T>;
  try {
    result = await pending;
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError('NETWORK_ERROR', 'The server could not be reached. Check that it is running.', {
      status: 0,
      cause,
    });
  }
  if (result.response.ok) return result.data as T;
  throw toApiError(result.response, result.error);
}

export type TApiPath = keyof paths;
type TJson<R> = R extends { content: { 'application/json': infer T } } ? T : undefined;
type TOk<R> = R[Extract<keyof R, 200 | 201 | 202 | 204>];

/** The JSON a successful `M` on `P` answers, e.g. `TApiData<'/api/v1/agents/{id}', 'get'>`. */
export type TApiData<P extends TApiPath, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? TJson<TOk<R>>
  : never;

/** The JSON body `M` on `P` accepts, e.g. `TApiBody<'/api/v1/agents', 'post'>`. */
export type TApiBody<P extends TApiPath, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
