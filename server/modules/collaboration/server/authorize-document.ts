// Whether an actor may open a document, and whether to write or only read it. The resource is looked up in the
// actor's organization under row-level security, so another tenant's document is not found, like an unknown one.
import { and, eq } from 'drizzle-orm';
import type { Database, TTx } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { contentItems } from '../../content/schema.ts';
import type { TActorContext } from '../../identity/index.ts';
import { can, type TAction, type TActor, type TResource } from '../../identity/permissions/index.ts';
import { withProjectRole } from '../../identity/projects/project-access.ts';
import { projects } from '../../identity/schema.ts';
import { workflows } from '../../orchestration/schema.ts';
import { documentNotFound, forbidden } from './close-events.ts';
import { parseDocumentName, type TDocumentRef } from './document-name.ts';

export type TDocumentAccess = { ref: TDocumentRef; readOnly: boolean };

/** `write` null: nobody writes it (a project room carries presence and signalling, never content). */
type TTarget = { resource: TResource; write: TAction | null; read: TAction };

async function findTarget(tx: TTx, orgId: string, ref: TDocumentRef): Promise<TTarget | null> {
  if (ref.kind === 'content') {
    const [row] = await tx
      .select({ ownerId: contentItems.userId, projectId: contentItems.projectId })
      .from(contentItems)
      .where(and(eq(contentItems.id, ref.refId), eq(contentItems.organizationId, orgId)));
    if (!row) return null;
    const resource = { organizationId: orgId, ownerId: row.ownerId, projectId: row.projectId ?? undefined };
    return { resource, write: 'content:update', read: 'content:read' };
  }
  if (ref.kind === 'workflow') {
    const [row] = await tx
      .select({ ownerId: workflows.createdBy, projectId: workflows.projectId })
      .from(workflows)
      .where(and(eq(workflows.id, ref.refId), eq(workflows.organizationId, orgId)));
    if (!row) return null;
    const resource = {
      organizationId: orgId,
      ownerId: row.ownerId ?? undefined,
      projectId: row.projectId ?? undefined,
    };
    return { resource, write: 'workflow:update', read: 'workflow:read' };
  }
  const [row] = await tx
    .select({ ownerId: projects.ownerId })
    .from(projects)
    .where(and(eq(projects.id, ref.projectId), eq(projects.organizationId, orgId)));
  if (!row) return null;
  const resource = { organizationId: orgId, ownerId: row.ownerId, projectId: ref.projectId };
  // Being in a project's room (its presence and voice) is reading the project; nobody writes to the room.
  if (ref.kind === 'project') return { resource, write: null, read: 'project:read' };
  // Editing a project's files is editing the project (project members need canEdit); reading needs membership.
  return { resource, write: 'project:update', read: 'project:read' };
}

/** Throws a CollabRefusal (4403) unless the actor may at least read the named document. */
export async function authorizeDocument(
  db: Database,
  actor: TActorContext,
  documentName: string,
): Promise<TDocumentAccess> {
  const ref = parseDocumentName(documentName);
  if (!ref) throw documentNotFound();
  const decided = await withTenant(db, actor.organizationId, async (tx) => {
    const target = await findTarget(tx, actor.organizationId, ref);
    if (!target) return null;
    const projectId = target.resource.projectId;
    // The project role is read now, so a demotion applies to the next connection.
    const who: TActor = projectId ? await withProjectRole({ on: tx, actor, projectId }) : actor;
    if (target.write && can(who, target.write, target.resource).allowed) return { readOnly: false };
    if (can(who, target.read, target.resource).allowed) return { readOnly: true };
    return 'denied' as const;
  });
  if (decided === null) throw documentNotFound();
  if (decided === 'denied') throw forbidden();
  return { ref, readOnly: decided.readOnly };
}
