import type { Database } from '../../../platform/db/index.ts';
import type { TActor } from '../permissions/index.ts';
import { authorizeProject, toProject } from './project-access.ts';
import type { TProject } from './project-schemas.ts';

/** One project of the actor's organization (`project:read`); RESOURCE_NOT_FOUND for any other id. */
export async function getProject({
  db,
  actor,
  projectId,
}: {
  db: Database;
  actor: TActor;
  projectId: string;
}): Promise<TProject> {
  const row = await authorizeProject({ on: db.orm, actor, projectId, action: 'project:read' });
  return toProject(row);
}
