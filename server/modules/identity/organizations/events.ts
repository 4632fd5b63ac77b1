import { z } from 'zod';
import { PLANS } from '../../../../contracts/plans.ts';
import { defineEvent } from '../../../platform/events/index.ts';
import { ORG_ROLES } from '../permissions/index.ts';

// Domain events of organizations, members and invitations: the audit trail (issue 3 §9). Payloads name who
// and what changed, never a token or its hash.
const ZRole = z.enum(ORG_ROLES);
const ZId = z.uuid();

export const OrganizationCreated = defineEvent(
  'organization.created',
  z.object({ organizationId: ZId, name: z.string(), slug: z.string(), plan: z.enum(PLANS) }),
);

export const OrganizationUpdated = defineEvent(
  'organization.updated',
  z.object({
    organizationId: ZId,
    /** Names of the fields that changed: name, slug, plan, settings. */
    changed: z.array(z.string()),
    name: z.string().optional(),
    slug: z.string().optional(),
    plan: z.enum(PLANS).optional(),
  }),
);

export const MemberRoleChanged = defineEvent(
  'member.role_changed',
  z.object({ organizationId: ZId, memberUserId: ZId, fromRole: ZRole, toRole: ZRole }),
);

export const MemberRemoved = defineEvent(
  'member.removed',
  z.object({ organizationId: ZId, memberUserId: ZId, role: ZRole }),
);

export const MemberLeft = defineEvent(
  'member.left',
  z.object({ organizationId: ZId, memberUserId: ZId, role: ZRole }),
);

export const OwnershipTransferred = defineEvent(
  'organization.ownership_transferred',
  z.object({ organizationId: ZId, fromUserId: ZId, toUserId: ZId }),
);

export const InvitationCreated = defineEvent(
  'invitation.created',
  z.object({ organizationId: ZId, invitationId: ZId, email: z.string(), role: ZRole, expiresAt: z.string() }),
);

export const InvitationAccepted = defineEvent(
  'invitation.accepted',
  z.object({ organizationId: ZId, invitationId: ZId, memberUserId: ZId, role: ZRole }),
);

export const InvitationRevoked = defineEvent(
  'invitation.revoked',
  z.object({ organizationId: ZId, invitationId: ZId, reason: z.enum(['revoked', 'replaced']) }),
);
