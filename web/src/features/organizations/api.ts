import { client, request, type TApiBody } from '../../lib/api-client.ts';

export const createOrganization = (body: TApiBody<'/api/v1/organizations', 'post'>) =>
  request(client.POST('/api/v1/organizations', { body }));

export const acceptInvitation = (token: string) =>
  request(client.POST('/api/v1/invitations/accept', { body: { token } }));

/** The token of an invitation, from the token itself or a pasted /invitations/accept?token=… link. */
export function invitationTokenFrom(input: string, base = window.location.origin): string | null {
  const text = input.trim();
  if (!text) return null;
  if (!text.includes('token=')) return text;
  try {
    return new URL(text, base).searchParams.get('token');
  } catch {
    return null;
  }
}
