import { and, eq } from 'drizzle-orm';
import type { EventBus } from '../../../platform/events/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import type { TActor } from '../permissions/index.ts';
import { organizationMembers, projectMembers } from '../schema.ts';
import { authorizeProject } from './project-access.ts';
import { ProjectMemberAdded } from './project-events.ts';
import { findProjectMember } from './project-member-rows.ts';
import type { TAddProjectMemberInput, TProjectMember } from './project-schemas.ts';

/**
 * Adds a member of the actor's organization to a project with a role (`project_member:add`: admins, the
 * project's owner, or a project member who may invite). A user outside the organization, or unknown, is a
 * VALIDATION_ERROR (the same answer for both, so user ids cannot be probed); one already in it is a CONFLICT.
 */
export async function addProjectMember({
  events,
  actor,
  projectId,
  input,
}: {
  events: EventBus;
  actor: TActor;
  projectId: string;
  input: TAddProjectMemberInput;
}): Promise<TProjectMember> {
  return events.transaction(
    async (tx, emit) => {
      await authorizeProject({ on: tx, actor, projectId, action: 'project_member:add', lock: true });
      const [inOrganization] = await tx
        .select({ userId: organizationMembers.userId })
        .from(organizationMembers)
        .where(
          and(
            eq(organizationMembers.organizationId, actor.organizationId),
            eq(organizationMembers.userId, input.userId),
          ),
        );
      if (!inOrganization) {
        throw new AppError('VALIDATION_ERROR', 'The user is not a member of this organization', {
          details: [{ field: 'json.userId', message: 'not a member of this organization' }],
        });
      }
      const now = new Date();
      const inserted = await tx
        .insert(projectMembers)
        .values({
          projectId,
          userId: input.userId,
          role: input.role,
          permissions: input.permissions ?? {},
          invitedAt: now,
          joinedAt: now,
        })
        .onConflictDoNothing({ target: [projectMembers.projectId, projectMembers.userId] })
        .returning({ userId: projectMembers.userId });
      if (inserted.length === 0)
        throw new AppError('CONFLICT', 'The user is already a member of this project');
      await emit(ProjectMemberAdded, {
        aggregateId: projectId,
        organizationId: actor.organizationId,
        userId: actor.userId,
        payload: { projectId, memberUserId: input.userId, role: input.role },
      });
      return findProjectMember({ on: tx, projectId, userId: input.userId });
    },
    { organizationId: actor.organizationId },
  );
}
