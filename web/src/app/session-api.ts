import { ApiError } from '../lib/api.ts';
import { client, request, type TApiData } from '../lib/api-client.ts';

export type TMe = TApiData<'/api/v1/users/me', 'get'>;
export type TOrganization = TApiData<'/api/v1/organizations/{id}', 'get'>;

export const ME_KEY = ['me'] as const;
export const organizationKey = (id: string) => ['organizations', id] as const;

/** The signed-in user and their organizations; null when nobody is signed in (401). */
export async function fetchMe(signal?: AbortSignal): Promise<TMe | null> {
  try {
    return await request(client.GET('/api/v1/users/me', { signal }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const fetchOrganization = (id: string, signal?: AbortSignal) =>
  request(client.GET('/api/v1/organizations/{id}', { params: { path: { id } }, signal }));

export const switchActiveOrganization = (organizationId: string) =>
  request(client.PUT('/api/v1/users/me/active-organization', { body: { organizationId } }));

// Writes under /api must be JSON (the server refuses a POST without Content-Type), hence the empty body.
export const signOutRequest = () => request(client.POST('/api/v1/auth/sign-out', { body: {} }));
