import type { TTx } from '../../../../platform/db/index.ts';
import type { TEmit } from '../../../../platform/events/index.ts';
import { AppError } from '../../../../platform/http/index.ts';
import { ProjectMemberAdded } from '../../projects/project-events.ts';
import { projectMembers } from '../../schema.ts';
import type { TInvitationRow } from './invitation-view.ts';
import { projectRoleOfInvitation, type TInvitableProjectRole } from './project-invitation-roles.ts';

/**
 * The project half of accepting an invitation: adds the user, already a member of the organization, to the
 * invitation's project with the invited role. Null for an invitation to the organization alone.
 */
export async function joinInvitedProject({
  tx,
  emit,
  invitation,
  userId,
  now,
}: {
  tx: TTx;
  emit: TEmit;
  invitation: TInvitationRow;
  userId: string;
  now: Date;
}): Promise<{ projectId: string; role: TInvitableProjectRole } | null> {
  const { projectId } = invitation;
  if (!projectId) return null;
  const role = projectRoleOfInvitation(invitation.role);
  if (!role) throw new Error(`project invitation ${invitation.id} holds role ${invitation.role}`);
  const inserted = await tx
    .insert(projectMembers)
    .values({ projectId, userId, role, invitedAt: invitation.createdAt, joinedAt: now })
    .onConflictDoNothing({ target: [projectMembers.projectId, projectMembers.userId] })
    .returning({ id: projectMembers.id });
  if (inserted.length === 0) throw new AppError('CONFLICT', 'You are already a member of this project');
  await emit(ProjectMemberAdded, {
    organizationId: invitation.organizationId,
    userId,
    aggregateId: projectId,
    payload: { projectId, memberUserId: userId, role },
  });
  return { projectId, role };
}
