import { and, eq, isNull, sql } from 'drizzle-orm';
import type { EventBus } from '../../../platform/events/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import type { Mailer } from '../../../platform/mail/index.ts';
import { invitations, projectMembers, type TActorContext, users } from '../../identity/index.ts';
import { InvitationCreated, InvitationRevoked } from '../../identity/organizations/events.ts';
import { assertSeatAvailable } from '../../identity/organizations/invitations/seats.ts';
import { INVITATION_TTL_MS, newInvitationToken } from '../../identity/organizations/invitations/token.ts';
import { currentActor, findMember, lockOrganization } from '../../identity/organizations/locking.ts';
import { authorizeProject } from '../../identity/projects/project-access.ts';
import { orgRoleForInvite, type TInvitableRole } from './invite-roles.ts';

export type TProjectInvite = {
  id: string;
  projectId: string;
  email: string;
  role: TInvitableRole;
  expiresAt: string;
};

/**
 * Invites an email address to collaborate on one project (`project:share`: admins, the project's owner,
 * members allowed to invite). The invitation lives in identity's invitations table with its project set,
 * valid seven days; the link travels only in the mail. Accepting it makes the person a member of the project
 * (and of the organization, when they are not one yet).
 */
export async function createProjectInvite({
  events,
  mailer,
  publicUrl,
  actor,
  input,
}: {
  events: EventBus;
  mailer: Mailer;
  publicUrl: string;
  actor: TActorContext;
  input: { projectId: string; email: string; role: TInvitableRole };
}): Promise<TProjectInvite> {
  const email = input.email.trim().toLowerCase();
  const { token, tokenHash } = newInvitationToken();
  const { row, orgName, projectName } = await events.transaction(
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
      // An outsider takes a seat on accepting: refuse now rather than send a link that cannot work.
      if (!inOrg) await assertSeatAvailable(tx, org);

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
      const [inserted] = await tx
        .insert(invitations)
        .values({
          organizationId: org.id,
          projectId: project.id,
          email,
          role: orgRoleForInvite(input.role),
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
      return { row: inserted, orgName: org.name, projectName: project.name };
    },
    { organizationId: actor.organizationId },
  );

  // After commit, like identity's invitations: a link must never point at a rolled-back invitation.
  const link = `${publicUrl.replace(/\/+$/, '')}/collaboration/invites/accept?token=${token}`;
  await mailer.send({
    to: email,
    kind: 'collaboration_invitation',
    organizationId: row.organizationId,
    subject: `You are invited to collaborate on ${projectName} (${orgName}) on FlashFusion`,
    text: [
      `You have been invited to collaborate on the project ${projectName} of ${orgName} as ${input.role}.`,
      '',
      `Accept the invitation: ${link}`,
      '',
      `The link is valid until ${row.expiresAt.toISOString()}. Sign in with ${email} to accept it.`,
    ].join('\n'),
  });
  return {
    id: row.id,
    projectId: project(row),
    email,
    role: input.role,
    expiresAt: row.expiresAt.toISOString(),
  };
}

const project = (row: { projectId: string | null }): string => {
  if (!row.projectId) throw new Error('collaboration invitation without a project');
  return row.projectId;
};
