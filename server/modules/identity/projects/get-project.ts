import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
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
  const row = await withTenant(db, actor.organizationId, (tx) =>
    authorizeProject({ on: tx, actor, projectId, action: 'project:read' }),
  );
  return toProject(row);
}
