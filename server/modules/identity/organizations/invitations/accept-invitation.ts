import { and, eq, isNotNull } from 'drizzle-orm';
import type { TPlanLimitsTable } from '../../../../../contracts/plans.ts';
import type { TTx } from '../../../../platform/db/index.ts';
import type { EventBus } from '../../../../platform/events/index.ts';
import { AppError } from '../../../../platform/http/index.ts';
import { invitations } from '../../access-schema.ts';
import type { TOrgRole } from '../../permissions/index.ts';
import { organizationMembers, users } from '../../schema.ts';
import { InvitationAccepted } from '../events.ts';
import { findMember, lockOrganization } from '../locking.ts';
import type { TInvitationRow } from './invitation-view.ts';
import { joinInvitedProject } from './join-invited-project.ts';
import type { TInvitableProjectRole } from './project-invitation-roles.ts';
import { assertSeatAvailable } from './seats.ts';
import { hashInvitationToken } from './token.ts';

export type TAcceptedInvitation = {
  organizationId: string;
  organizationName: string;
  organizationSlug: string;
  /** The user's role in the organization now. */
  role: TOrgRole;
  /** Set for an invitation to one project: the user is now its member with this role. */
  project: { projectId: string; role: TInvitableProjectRole } | null;
};

const refuse = (message: string) =>
  new AppError('VALIDATION_ERROR', message, { details: [{ field: 'token', message }] });
const unknown = () =>
  new AppError('RESOURCE_NOT_FOUND', 'Invitation not found: the link is wrong or incomplete');

async function assertAcceptable(tx: TTx, invitation: TInvitationRow, userId: string): Promise<void> {
  // Owner path: users is an instance table (no organization_id, no RLS).
  const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('AUTHENTICATION_FAILED', 'Unknown user');
  if (invitation.email.toLowerCase() !== user.email.trim().toLowerCase()) {
    throw new AppError(
      'AUTHENTICATION_FAILED',
      'This invitation was sent to another email address: sign in with that address to accept it',
    );
  }
  if (invitation.acceptedAt) throw refuse('This invitation has already been used');
  if (invitation.revokedAt) throw refuse('This invitation has been revoked');
  if (invitation.expiresAt <= new Date()) throw refuse('This invitation has expired: ask for a new one');
}

/**
 * The signed-in user accepts an invitation by its token. The invitation must be known, addressed to this
 * user's email, and neither used, revoked nor expired. An organization invitation makes them a member with the
 * invited role; a project invitation makes them a member of the project, and of the organization first when
 * they are not one yet. Whenever a seat is taken the member quota is checked again, since the plan or the
 * members may have changed since the invitation was sent.
 */
export async function acceptInvitation({
  events,
  planLimits,
  userId,
  token,
  only,
}: {
  events: EventBus;
  /** The instance's plan limits (env PLAN_LIMITS over the defaults); the defaults when absent. */
  planLimits?: TPlanLimitsTable | undefined;
  userId: string;
  token: string;
  /** 'project': an organization invitation is not found (for callers that answer with the project). */
  only?: 'project';
}): Promise<TAcceptedInvitation> {
  const byToken = and(
    eq(invitations.tokenHash, hashInvitationToken(token)),
    only === 'project' ? isNotNull(invitations.projectId) : undefined,
  );
  // Owner path: the invitation token is what discovers the organization.
  return events.transaction(async (tx, emit) => {
    const [found] = await tx
      .select({ organizationId: invitations.organizationId })
      .from(invitations)
      .where(byToken);
    if (!found) throw unknown();
    // Organization first, then the invitation: the same lock order as every other membership change.
    const org = await lockOrganization(tx, found.organizationId);
    const [invitation] = await tx.select().from(invitations).where(byToken).for('update');
    if (!invitation) throw unknown();
    await assertAcceptable(tx, invitation, userId);

    const member = await findMember(tx, org.id, userId);
    if (member && !invitation.projectId) {
      throw new AppError('CONFLICT', 'You are already a member of this organization');
    }
    if (!member) {
      await assertSeatAvailable(tx, org, { forEmail: invitation.email, planLimits });
      await tx.insert(organizationMembers).values({ organizationId: org.id, userId, role: invitation.role });
    }
    const now = new Date();
    await tx
      .update(invitations)
      .set({ acceptedAt: now, acceptedBy: userId })
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
    const project = await joinInvitedProject({ tx, emit, invitation, userId, now });
    return {
      organizationId: org.id,
      organizationName: org.name,
      organizationSlug: org.slug,
      role: member?.role ?? invitation.role,
      project,
    };
  });
}
