import { and, eq, isNull } from 'drizzle-orm';
import type { TPlanLimitsTable } from '../../../../../contracts/plans.ts';
import type { EventBus } from '../../../../platform/events/index.ts';
import { AppError } from '../../../../platform/http/index.ts';
import { invitations } from '../../access-schema.ts';
import type { TOrgRole } from '../../permissions/index.ts';
import { organizationMembers } from '../../schema.ts';
import { InvitationAccepted } from '../events.ts';
import { findMember, lockOrganization } from '../locking.ts';
import { assertSeatAvailable } from './seats.ts';
import { hashInvitationToken } from './token.ts';

export type TAcceptedInvitation = {
  organizationId: string;
  organizationName: string;
  organizationSlug: string;
  role: TOrgRole;
};

const refuse = (message: string) =>
  new AppError('VALIDATION_ERROR', message, { details: [{ field: 'token', message }] });

/**
 * The signed-in user accepts an invitation by its token and becomes a member with the invited role. The
 * invitation must be known, addressed to this user's email, and neither used, revoked nor expired; the member
 * quota is checked again, since the plan or the members may have changed since the invitation was sent.
 */
export async function acceptInvitation({
  events,
  planLimits,
  userId,
  userEmail,
  token,
}: {
  events: EventBus;
  /** The instance's plan limits (env PLAN_LIMITS over the defaults); the defaults when absent. */
  planLimits?: TPlanLimitsTable | undefined;
  userId: string;
  userEmail: string;
  token: string;
}): Promise<TAcceptedInvitation> {
  const tokenHash = hashInvitationToken(token);
  // Owner path: the invitation token is what discovers the organization.
  return events.transaction(async (tx, emit) => {
    const byToken = and(eq(invitations.tokenHash, tokenHash), isNull(invitations.projectId));
    const [found] = await tx
      .select({ organizationId: invitations.organizationId })
      .from(invitations)
      .where(byToken);
    if (!found)
      throw new AppError('RESOURCE_NOT_FOUND', 'Invitation not found: the link is wrong or incomplete');
    // Organization first, then the invitation: the same lock order as every other membership change.
    const org = await lockOrganization(tx, found.organizationId);
    const [invitation] = await tx.select().from(invitations).where(byToken).for('update');
    if (!invitation)
      throw new AppError('RESOURCE_NOT_FOUND', 'Invitation not found: the link is wrong or incomplete');

    if (invitation.email.toLowerCase() !== userEmail.trim().toLowerCase()) {
      throw new AppError(
        'AUTHENTICATION_FAILED',
        'This invitation was sent to another email address: sign in with that address to accept it',
      );
    }
    if (invitation.acceptedAt) throw refuse('This invitation has already been used');
    if (invitation.revokedAt) throw refuse('This invitation has been revoked');
    if (invitation.expiresAt <= new Date()) throw refuse('This invitation has expired: ask for a new one');
    if (await findMember(tx, org.id, userId)) {
      throw new AppError('CONFLICT', 'You are already a member of this organization');
    }
    await assertSeatAvailable(tx, org, { excludeInvitationId: invitation.id, planLimits });

    await tx.insert(organizationMembers).values({ organizationId: org.id, userId, role: invitation.role });
    await tx
      .update(invitations)
      .set({ acceptedAt: new Date(), acceptedBy: userId })
      .where(eq(invitations.id, invitation.id));
    await emit(InvitationAccepted, {
      aggregateId: invitation.id,
      organizationId: org.id,
      userId,
      payload: {
        organizationId: org.id,
        invitationId: invitation.id,
        memberUserId: userId,
        role: invitation.role,
      },
    });
    return {
      organizationId: org.id,
      organizationName: org.name,
      organizationSlug: org.slug,
      role: invitation.role,
    };
  });
}
