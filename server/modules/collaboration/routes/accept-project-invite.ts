import { and, eq, isNotNull } from 'drizzle-orm';
import type { EventBus } from '../../../platform/events/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import { invitations, organizationMembers, projectMembers } from '../../identity/index.ts';
import { InvitationAccepted } from '../../identity/organizations/events.ts';
import { assertSeatAvailable } from '../../identity/organizations/invitations/seats.ts';
import { hashInvitationToken } from '../../identity/organizations/invitations/token.ts';
import { findMember, lockOrganization } from '../../identity/organizations/locking.ts';
import { ProjectMemberAdded } from '../../identity/projects/index.ts';
import { projectRoleOfInvite, type TInvitableRole } from './invite-roles.ts';

const refuse = (message: string) =>
  new AppError('VALIDATION_ERROR', message, { details: [{ field: 'token', message }] });
const unknown = () =>
  new AppError('RESOURCE_NOT_FOUND', 'Invitation not found: the link is wrong or incomplete');

/**
 * The signed-in user accepts a collaboration invitation: they join the project with the invited role, and the
 * organization first when they are not in it yet (seat quota checked again). Same rules as identity's
 * invitations: addressed to this user's email, not used, revoked or expired.
 */
export async function acceptProjectInvite({
  events,
  userId,
  userEmail,
  token,
}: {
  events: EventBus;
  userId: string;
  userEmail: string;
  token: string;
}): Promise<{ organizationId: string; projectId: string; role: TInvitableRole }> {
  const byToken = and(
    eq(invitations.tokenHash, hashInvitationToken(token)),
    isNotNull(invitations.projectId),
  );
  // Owner path: the token is what discovers the organization.
  return events.transaction(async (tx, emit) => {
    const [found] = await tx
      .select({ organizationId: invitations.organizationId })
      .from(invitations)
      .where(byToken);
    if (!found) throw unknown();
    const org = await lockOrganization(tx, found.organizationId);
    const [invitation] = await tx.select().from(invitations).where(byToken).for('update');
    const projectId = invitation?.projectId;
    const role = invitation ? projectRoleOfInvite(invitation.role) : undefined;
    if (!invitation || !projectId || !role) throw unknown();

    if (invitation.email.toLowerCase() !== userEmail.trim().toLowerCase()) {
      throw new AppError(
        'AUTHENTICATION_FAILED',
        'This invitation was sent to another email address: sign in with that address to accept it',
      );
    }
    if (invitation.acceptedAt) throw refuse('This invitation has already been used');
    if (invitation.revokedAt) throw refuse('This invitation has been revoked');
    if (invitation.expiresAt <= new Date()) throw refuse('This invitation has expired: ask for a new one');

    if (!(await findMember(tx, org.id, userId))) {
      await assertSeatAvailable(tx, org);
      await tx.insert(organizationMembers).values({ organizationId: org.id, userId, role: invitation.role });
    }
    const now = new Date();
    const inserted = await tx
      .insert(projectMembers)
      .values({ projectId, userId, role, invitedAt: invitation.createdAt, joinedAt: now })
      .onConflictDoNothing({ target: [projectMembers.projectId, projectMembers.userId] })
      .returning({ id: projectMembers.id });
    if (inserted.length === 0) throw new AppError('CONFLICT', 'You are already a member of this project');
    await tx
      .update(invitations)
      .set({ acceptedAt: now, acceptedBy: userId })
      .where(eq(invitations.id, invitation.id));
    const base = { organizationId: org.id, userId };
    await emit(InvitationAccepted, {
      ...base,
      aggregateId: invitation.id,
      payload: {
        organizationId: org.id,
        invitationId: invitation.id,
        memberUserId: userId,
        role: invitation.role,
      },
    });
    await emit(ProjectMemberAdded, {
      ...base,
      aggregateId: projectId,
      payload: { projectId, memberUserId: userId, role },
    });
    return { organizationId: org.id, projectId, role };
  });
}
