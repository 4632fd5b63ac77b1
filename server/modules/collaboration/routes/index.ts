// The collaboration HTTP routes' public face: join a project's session, invite collaborators, accept.
import type { Hocuspocus } from '@hocuspocus/server';
import type { Platform } from '../../../platform/platform.ts';
import type { Identity } from '../../identity/index.ts';
import { participantsOfProject } from '../presence/project-participants.ts';
import { collaborationRoutes } from './collaboration-routes.ts';

export { collaborationRoutes, type TCollaborationRouteDeps } from './collaboration-routes.ts';
export { COLLAB_TOKEN_TTL_SECONDS } from './mint-collab-token.ts';

/** The routes wired to the platform and to this process's collaboration server (for the participants). */
export function collaborationRoutesFor(
  platform: Platform,
  identity: Pick<Identity, 'planLimits' | 'routers'>,
  hocuspocus: Hocuspocus,
) {
  return collaborationRoutes({
    routers: identity.routers,
    db: platform.db,
    events: platform.events,
    keyring: platform.keyring,
    mailer: platform.mailer,
    publicUrl: platform.env.PUBLIC_URL,
    planLimits: identity.planLimits,
    participantsOf: (projectId) => participantsOfProject(hocuspocus, projectId),
  });
}
