import { and, eq } from 'drizzle-orm';
import type { TExecutor } from '../../../platform/db/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import { assertCan, type TAction, type TActor, type TResource } from '../permissions/index.ts';
import { projectMembers, projects } from '../schema.ts';
import type { TProject } from './project-schemas.ts';

export type TProjectRow = typeof projects.$inferSelect;

/**
 * The project with this id in the actor's organization, or RESOURCE_NOT_FOUND: another tenant's id is looked
 * up with the same WHERE clause as an unknown one, so the two cannot be told apart. `lock` takes the row lock
 * that serialises member changes on one project (the last-owner rule must not race).
 */
export async function findProject({
  on,
  actor,
  projectId,
  lock = false,
}: {
  on: TExecutor;
  actor: TActor;
  projectId: string;
  lock?: boolean;
}): Promise<TProjectRow> {
  const query = on
    .select()
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.organizationId, actor.organizationId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Project');
  return row;
}

/**
 * The project as a permission resource (owner, organization), or null when the organization has none with
 * this id; for callers that decide themselves what a missing project means (a WebSocket close code).
 */
export async function projectResource({
  on,
  organizationId,
  projectId,
}: {
  on: TExecutor;
  organizationId: string;
  projectId: string;
}): Promise<TResource | null> {
  const [row] = await on
    .select({ ownerId: projects.ownerId })
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.organizationId, organizationId)));
  return row ? { organizationId, ownerId: row.ownerId, projectId } : null;
}

/** The actor with their membership of this project (read now, so a role change applies at once). */
export async function withProjectRole({
  on,
  actor,
  projectId,
}: {
  on: TExecutor;
  actor: TActor;
  projectId: string;
}): Promise<TActor> {
  const [membership] = await on
    .select({ role: projectMembers.role, permissions: projectMembers.permissions })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, actor.userId)));
  if (!membership) return actor;
  return { ...actor, projectRoles: { ...actor.projectRoles, [projectId]: membership } };
}

/**
 * Loads the project (404 unless it is in the actor's organization) and asserts `action` on it, with the
 * actor's project role taken into account: an organization viewer who edits this project may update it.
 */
export async function authorizeProject(opts: {
  on: TExecutor;
  actor: TActor;
  projectId: string;
  action: TAction;
  lock?: boolean;
}): Promise<TProjectRow> {
  const project = await findProject(opts);
  const actor = await withProjectRole(opts);
  assertCan(actor, opts.action, {
    organizationId: project.organizationId,
    ownerId: project.ownerId,
    projectId: project.id,
  });
  return project;
}

/** The API shape of a project row. */
export function toProject(row: TProjectRow): TProject {
  return {
    id: row.id,
    organizationId: row.organizationId,
    ownerId: row.ownerId,
    name: row.name,
    description: row.description,
    type: row.type,
    config: row.config,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
