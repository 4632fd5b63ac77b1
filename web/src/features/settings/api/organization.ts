import { ME_KEY, organizationKey } from '../../../app/session-api.ts';
import { client, request, type TApiBody, type TApiData } from '../../../lib/api-client.ts';

export type TOrganization = TApiData<'/api/v1/organizations/{id}', 'get'>;
export type TOrganizationPatch = TApiBody<'/api/v1/organizations/{id}', 'patch'>;

export { ME_KEY, organizationKey };

export const fetchOrganization = (id: string, signal?: AbortSignal) =>
  request(client.GET('/api/v1/organizations/{id}', { params: { path: { id } }, signal }));

/** PATCH /organizations/{id}: name/slug, settings (merged; flags flag by flag) and plan each need their own right. */
export const updateOrganization = (id: string, body: TOrganizationPatch) =>
  request(client.PATCH('/api/v1/organizations/{id}', { params: { path: { id } }, body }));

/** The display name lives on the better-auth user; GET /users/me reads it back. */
export const updateProfileName = (name: string) =>
  request(client.POST('/api/v1/auth/update-user', { body: { name } }));
