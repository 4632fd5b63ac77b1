import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import { authorizeProject, type TActorContext } from '../../identity/index.ts';

/** The actor the collaboration core put in a connection's context (`{ actor }`). */
export const actorOfContext = (context: unknown): TActorContext | undefined =>
  (context as { actor?: TActorContext } | undefined)?.actor;

/**
 * Whether the connection's actor may be in a project's room: the identity module's `project:read` on that
 * project, in the actor's organization (another tenant's project is simply not found), checked against the
 * current membership rows so a removal takes effect at the next voice_start.
 */
export function projectRoomAccess(db: Database) {
  return async ({ context, projectId }: { context: unknown; projectId: string }): Promise<boolean> => {
    const actor = actorOfContext(context);
    if (!actor) return false;
    try {
      await withTenant(db, actor.organizationId, (tx) =>
        authorizeProject({ on: tx, actor, projectId, action: 'project:read' }),
      );
      return true;
    } catch (error) {
      if (error instanceof AppError) return false;
      throw error;
    }
  };
}
