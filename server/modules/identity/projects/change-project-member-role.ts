import { and, eq } from 'drizzle-orm';
import type { EventBus } from '../../../platform/events/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import type { TActor } from '../permissions/index.ts';
import { projectMembers } from '../schema.ts';
import { authorizeProject } from './project-access.ts';
import { ProjectMemberRoleChanged } from './project-events.ts';
import { countOwners, findProjectMember } from './project-member-rows.ts';
import type { TChangeProjectMemberInput, TProjectMember } from './project-schemas.ts';

/**
 * Sets a member's project role, and their overrides when given (`project_member:change_role`). The project
 * row is locked first, so two concurrent demotions cannot leave it without an owner.
 */
export async function changeProjectMemberRole({
  events,
  actor,
  projectId,
  userId,
  input,
}: {
  events: EventBus;
  actor: TActor;
  projectId: string;
  userId: string;
  input: TChangeProjectMemberInput;
}): Promise<TProjectMember> {
  return events.transaction(
    async (tx, emit) => {
      await authorizeProject({ on: tx, actor, projectId, action: 'project_member:change_role', lock: true });
      const before = await findProjectMember({ on: tx, projectId, userId });
      if (
        before.role === 'owner' &&
        input.role !== 'owner' &&
        (await countOwners({ on: tx, projectId })) <= 1
      ) {
        throw new AppError('CONFLICT', 'A project must keep at least one owner');
      }
      const permissions = input.permissions ?? before.permissions;
      await tx
        .update(projectMembers)
        .set({ role: input.role, permissions })
        .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
      await emit(ProjectMemberRoleChanged, {
        aggregateId: projectId,
        organizationId: actor.organizationId,
        userId: actor.userId,
        payload: { projectId, memberUserId: userId, from: before.role, to: input.role, permissions },
      });
      return { ...before, role: input.role, permissions };
    },
    { organizationId: actor.organizationId },
  );
}
