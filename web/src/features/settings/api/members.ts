import { client, request, type TApiData } from '../../../lib/api-client.ts';

export type TMember = TApiData<'/api/v1/organizations/{id}/members', 'get'>['data'][number];
export type TInvitation = TApiData<'/api/v1/organizations/{id}/invitations', 'get'>['data'][number];
export type TRole = TMember['role'];

export const membersKey = (orgId: string) => ['organizations', orgId, 'members'] as const;
export const invitationsKey = (orgId: string) => ['organizations', orgId, 'invitations'] as const;

const PAGE = 100;

export const fetchMembers = (id: string, offset: number, signal?: AbortSignal) =>
  request(
    client.GET('/api/v1/organizations/{id}/members', {
      params: { path: { id }, query: { limit: PAGE, offset, order: 'asc' } },
      signal,
    }),
  );

export const fetchInvitations = (id: string, signal?: AbortSignal) =>
  request(
    client.GET('/api/v1/organizations/{id}/invitations', {
      params: { path: { id }, query: { limit: PAGE, order: 'desc' } },
      signal,
    }),
  );

export const inviteMember = (id: string, body: { email: string; role: TRole }) =>
  request(client.POST('/api/v1/organizations/{id}/invitations', { params: { path: { id } }, body }));

export const revokeInvitation = (id: string, invitationId: string) =>
  request(
    client.DELETE('/api/v1/organizations/{id}/invitations/{invitationId}', {
      params: { path: { id, invitationId } },
    }),
  );

export const changeMemberRole = (id: string, userId: string, role: TRole) =>
  request(
    client.PATCH('/api/v1/organizations/{id}/members/{userId}', {
      params: { path: { id, userId } },
      body: { role },
    }),
  );

export const removeMember = (id: string, userId: string) =>
  request(client.DELETE('/api/v1/organizations/{id}/members/{userId}', { params: { path: { id, userId } } }));
