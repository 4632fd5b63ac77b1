import { and, eq } from 'drizzle-orm';
import type { EventBus } from '../../../platform/events/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import type { TActor } from '../permissions/index.ts';
import { projectMembers } from '../schema.ts';
import { authorizeProject } from './project-access.ts';
import { ProjectMemberRemoved } from './project-events.ts';
import { countOwners, findProjectMember } from './project-member-rows.ts';

/** Takes a user out of a project (`project_member:remove`); the last owner member stays (CONFLICT). */
export async function removeProjectMember({
  events,
  actor,
  projectId,
  userId,
}: {
  events: EventBus;
  actor: TActor;
  projectId: string;
  userId: string;
}): Promise<void> {
  await events.transaction(
    async (tx, emit) => {
      await authorizeProject({ on: tx, actor, projectId, action: 'project_member:remove', lock: true });
      const member = await findProjectMember({ on: tx, projectId, userId });
      if (member.role === 'owner' && (await countOwners({ on: tx, projectId })) <= 1) {
        throw new AppError('CONFLICT', 'A project must keep at least one owner');
      }
      await tx
        .delete(projectMembers)
        .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
      await emit(ProjectMemberRemoved, {
        aggregateId: projectId,
        organizationId: actor.organizationId,
        userId: actor.userId,
        payload: { projectId, memberUserId: userId, role: member.role },
      });
    },
    { organizationId: actor.organizationId },
  );
}
