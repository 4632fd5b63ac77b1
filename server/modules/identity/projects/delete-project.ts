import { and, eq } from 'drizzle-orm';
import type { EventBus } from '../../../platform/events/index.ts';
import type { TActor } from '../permissions/index.ts';
import { projects } from '../schema.ts';
import { authorizeProject } from './project-access.ts';
import { ProjectDeleted } from './project-events.ts';

/** Deletes a project and, by cascade, its memberships (`project:delete`: admins and the project's owner). */
export async function deleteProject({
  events,
  actor,
  projectId,
}: {
  events: EventBus;
  actor: TActor;
  projectId: string;
}): Promise<void> {
  await events.transaction(
    async (tx, emit) => {
      const project = await authorizeProject({
        on: tx,
        actor,
        projectId,
        action: 'project:delete',
        lock: true,
      });
      await tx
        .delete(projects)
        .where(and(eq(projects.id, projectId), eq(projects.organizationId, actor.organizationId)));
      await emit(ProjectDeleted, {
        aggregateId: projectId,
        organizationId: actor.organizationId,
        userId: actor.userId,
        payload: { projectId, name: project.name },
      });
    },
    { organizationId: actor.organizationId },
  );
}
