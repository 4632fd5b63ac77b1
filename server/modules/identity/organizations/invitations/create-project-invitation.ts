import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TPlanLimitsTable } from '../../../../../contracts/plans.ts';
import type { EventBus } from '../../../../platform/events/index.ts';
import { AppError } from '../../../../platform/http/index.ts';
import type { Mailer } from '../../../../platform/mail/index.ts';
import { invitations } from '../../access-schema.ts';
import type { TActor } from '../../permissions/index.ts';
import { authorizeProject } from '../../projects/project-access.ts';
import { projectMembers, users } from '../../schema.ts';
import { InvitationCreated, InvitationRevoked } from '../events.ts';
import { currentActor, findMember, lockOrganization } from '../locking.ts';
import { orgRoleForProjectInvitation, type TInvitableProjectRole } from './project-invitation-roles.ts';
import { assertSeatAvailable } from './seats.ts';
import { INVITATION_TTL_MS, newInvitationToken } from './token.ts';

export type TProjectInvitationView = {
  id: string;
  projectId: string;
  email: string;
  role: TInvitableProjectRole;
  expiresAt: string;
};

/**
 * Invites an email address to collaborate on one project (`project:share`: admins, the project's owner,
 * members allowed to invite), replacing a pending invitation of the same address to that project. It is an
 * organization invitation that also carries the project, valid seven days, accepted like any other
 * (acceptInvitation); the link travels only in the mail. An address that is not a member yet takes a seat on
 * accepting, so the plan's member limit is checked now, as for an organization invitation.
 */
export async function createProjectInvitation({
  events,
  planLimits,
  mailer,
  publicUrl,
  actor,
  input,
}: {
  events: EventBus;
  /** The instance's plan limits (env PLAN_LIMITS over the defaults); the defaults when absent. */
  planLimits?: TPlanLimitsTable | undefined;
  mailer: Mailer;
  /** The web app's origin; the accept link points at its /invitations/accept page. */
  publicUrl: string;
  actor: TActor;
  input: { projectId: string; email: string; role: TInvitableProjectRole };
}): Promise<TProjectInvitationView> {
  const email = input.email.trim().toLowerCase();
  const { token, tokenHash } = newInvitationToken();
  const { row, orgName, project } = await events.transaction(
    async (tx, emit) => {
      const org = await lockOrganization(tx, actor.organizationId);
      const me = await currentActor(tx, actor);
      const project = await authorizeProject({
        on: tx,
        actor: me,
        projectId: input.projectId,
        action: 'project:share',
      });
      const [invitee] = await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = ${email}`);
      const inOrg = invitee ? await findMember(tx, org.id, invitee.id) : undefined;
      if (invitee && inOrg) {
        const [already] = await tx
          .select({ id: projectMembers.id })
          .from(projectMembers)
          .where(and(eq(projectMembers.projectId, project.id), eq(projectMembers.userId, invitee.id)));
        if (already) throw new AppError('CONFLICT', 'This person is already a member of the project');
      }
      const replaced = await tx
        .update(invitations)
        .set({ revokedAt: new Date() })
        .where(
          and(
            eq(invitations.projectId, project.id),
            sql`lower(${invitations.email}) = ${email}`,
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        )
        .returning({ id: invitations.id });
      for (const old of replaced) {
        await emit(InvitationRevoked, {
          aggregateId: old.id,
          organizationId: org.id,
          userId: actor.userId,
          payload: { organizationId: org.id, invitationId: old.id, reason: 'replaced' },
        });
      }
      // An outsider takes a seat on accepting: refuse now rather than send a link that cannot work.
      if (!inOrg) await assertSeatAvailable(tx, org, { forEmail: email, planLimits });
      const [inserted] = await tx
        .insert(invitations)
        .values({
          organizationId: org.id,
          projectId: project.id,
          email,
          role: orgRoleForProjectInvitation(input.role),
          tokenHash,
          invitedBy: actor.userId,
          expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        })
        .returning();
      if (!inserted) throw new Error('insert into invitations returned no row');
      await emit(InvitationCreated, {
        aggregateId: inserted.id,
        organizationId: org.id,
        userId: actor.userId,
        payload: {
          organizationId: org.id,
          invitationId: inserted.id,
          email,
          role: inserted.role,
          expiresAt: inserted.expiresAt.toISOString(),
        },
      });
      return { row: inserted, orgName: org.name, project };
    },
    { organizationId: actor.organizationId },
  );
  // After commit, like organization invitations: a link must never point at a rolled-back invitation.
  const link = `${publicUrl.replace(/\/+$/, '')}/invitations/accept?token=${token}`;
  await mailer.send({
    to: email,
    kind: 'collaboration_invitation',
    organizationId: row.organizationId,
    subject: `You are invited to collaborate on ${project.name} (${orgName}) on FlashFusion`,
    text: [
      `You have been invited to collaborate on the project ${project.name} of ${orgName} as ${input.role}.`,
      '',
      `Accept the invitation: ${link}`,
      '',
      `The link is valid until ${row.expiresAt.toISOString()}. Sign in with ${email} to accept it.`,
    ].join('\n'),
  });
  return {
    id: row.id,
    projectId: project.id,
    email,
    role: input.role,
    expiresAt: row.expiresAt.toISOString(),
  };
}
