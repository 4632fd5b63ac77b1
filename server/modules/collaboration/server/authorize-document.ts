// Whether an actor may open a document, and whether to write or only read it. The resource is looked up in the
// actor's organization under row-level security, so another tenant's document is not found, like an unknown one.
import type { Database, TTx } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { contentItemResource } from '../../content/index.ts';
import {
  can,
  projectResource,
  type TAction,
  type TActor,
  type TActorContext,
  type TResource,
  withProjectRole,
} from '../../identity/index.ts';
import { workflowResourceOf } from '../../orchestration/index.ts';
import { documentNotFound, forbidden } from './close-events.ts';
import { parseDocumentName, type TDocumentRef } from './document-name.ts';

export type TDocumentAccess = { ref: TDocumentRef; readOnly: boolean };

/** `write` null: nobody writes it (a project room carries presence and signalling, never content). */
type TTarget = { resource: TResource; write: TAction | null; read: TAction };

async function findTarget(tx: TTx, organizationId: string, ref: TDocumentRef): Promise<TTarget | null> {
  if (ref.kind === 'content') {
    const resource = await contentItemResource(tx, organizationId, ref.refId);
    return resource && { resource, write: 'content:update', read: 'content:read' };
  }
  if (ref.kind === 'workflow') {
    const resource = await workflowResourceOf(tx, organizationId, ref.refId);
    return resource && { resource, write: 'workflow:update', read: 'workflow:read' };
  }
  const resource = await projectResource({ on: tx, organizationId, projectId: ref.projectId });
  if (!resource) return null;
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
