import { and, eq } from 'drizzle-orm';
import type { EventBus } from '../../../platform/events/index.ts';
import type { TActor } from '../permissions/index.ts';
import { projects } from '../schema.ts';
import { authorizeProject, toProject } from './project-access.ts';
import { ProjectUpdated } from './project-events.ts';
import type { TProject, TUpdateProjectInput } from './project-schemas.ts';

/**
 * Changes the given fields of a project (`project:update`: developers and up, the project's owner, or a
 * project member whose role can edit). `config` is replaced as a whole, not merged.
 */
export async function updateProject({
  events,
  actor,
  projectId,
  input,
}: {
  events: EventBus;
  actor: TActor;
  projectId: string;
  input: TUpdateProjectInput;
}): Promise<TProject> {
  return events.transaction(
    async (tx, emit) => {
      await authorizeProject({ on: tx, actor, projectId, action: 'project:update', lock: true });
      const changes: Partial<typeof projects.$inferInsert> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.description !== undefined) changes.description = input.description;
      if (input.type !== undefined) changes.type = input.type;
      if (input.config !== undefined) changes.config = input.config;
      const [row] = await tx
        .update(projects)
        .set({ ...changes, updatedAt: new Date() })
        .where(and(eq(projects.id, projectId), eq(projects.organizationId, actor.organizationId)))
        .returning();
      if (!row) throw new Error('locked project row vanished during update');
      await emit(ProjectUpdated, {
        aggregateId: projectId,
        organizationId: actor.organizationId,
        userId: actor.userId,
        payload: { projectId, changed: Object.keys(changes).sort() },
      });
      return toProject(row);
    },
    { organizationId: actor.organizationId },
  );
}
