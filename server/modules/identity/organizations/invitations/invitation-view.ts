import { z } from 'zod';
import type { invitations } from '../../access-schema.ts';
import { ZOrgRoleSchema } from '../schemas.ts';

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;

/** An invitation as the API shows it: never the token or its hash. */
export const ZInvitationViewSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: ZOrgRoleSchema,
  status: z.enum(INVITATION_STATUSES),
  invitedBy: z.uuid(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  acceptedBy: z.uuid().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TInvitationView = z.infer<typeof ZInvitationViewSchema>;
export type TInvitationRow = typeof invitations.$inferSelect;

export function invitationStatus(row: TInvitationRow, now = new Date()): TInvitationView['status'] {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt <= now ? 'expired' : 'pending';
}

export function toInvitationView(row: TInvitationRow): TInvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: invitationStatus(row),
    invitedBy: row.invitedBy,
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    acceptedBy: row.acceptedBy,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
