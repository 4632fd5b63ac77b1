import type { EventBus } from '../../../platform/events/index.ts';
import type { TActor } from '../permissions/index.ts';
import { projectMembers, projects } from '../schema.ts';
import { toProject } from './project-access.ts';
import { ProjectCreated } from './project-events.ts';
import type { TCreateProjectInput, TProject } from './project-schemas.ts';

/**
 * Creates a project in the actor's organization, owned by the actor, who also becomes its `owner` member.
 * The rows and the `project.created` event commit together or not at all.
 */
export async function createProject({
  events,
  actor,
  input,
}: {
  events: EventBus;
  actor: TActor;
  input: TCreateProjectInput;
}): Promise<TProject> {
  return events.transaction(
    async (tx, emit) => {
      const [row] = await tx
        .insert(projects)
        .values({
          organizationId: actor.organizationId,
          ownerId: actor.userId,
          name: input.name,
          description: input.description ?? null,
          type: input.type,
          config: input.config ?? {},
        })
        .returning();
      if (!row) throw new Error('insert into projects returned no row');
      await tx
        .insert(projectMembers)
        .values({ projectId: row.id, userId: actor.userId, role: 'owner', joinedAt: row.createdAt });
      await emit(ProjectCreated, {
        aggregateId: row.id,
        organizationId: actor.organizationId,
        userId: actor.userId,
        payload: { projectId: row.id, name: row.name, type: row.type, ownerId: row.ownerId },
      });
      return toProject(row);
    },
    { organizationId: actor.organizationId },
  );
}
