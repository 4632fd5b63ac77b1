import type { Keyring } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { authorizeProject, isAllowed, type TActorContext, withProjectRole } from '../../identity/index.ts';
import type { TParticipant } from '../presence/awareness-state.ts';
import { projectRoomName } from '../voice/room-name.ts';
import { mintCollabToken } from './mint-collab-token.ts';
import { collabWebsocketUrl } from './websocket-url.ts';

export type TJoinSession = {
  sessionId: string;
  websocketUrl: string;
  token: string;
  expiresIn: number;
  readOnly: boolean;
  participants: TParticipant[];
};

/**
 * Joins a project's collaboration session: the caller must be able to read the project (RESOURCE_NOT_FOUND
 * for another tenant's or an unknown id), and learns where to connect, with what credential, whether edits
 * will be accepted, and who is already there.
 */
export async function joinSession({
  db,
  keyring,
  publicUrl,
  actor,
  projectId,
  participantsOf,
}: {
  db: Database;
  keyring: Keyring;
  publicUrl: string;
  actor: TActorContext;
  projectId: string;
  /** Who is in the project's room and files now (the collaboration server's awareness). */
  participantsOf: (projectId: string) => TParticipant[] | Promise<TParticipant[]>;
}): Promise<TJoinSession> {
  const { project, readOnly } = await withTenant(db, actor.organizationId, async (tx) => {
    const row = await authorizeProject({ on: tx, actor, projectId, action: 'project:read' });
    const withRole = await withProjectRole({ on: tx, actor, projectId });
    const resource = { organizationId: row.organizationId, ownerId: row.ownerId, projectId: row.id };
    return { project: row, readOnly: !isAllowed(withRole, 'project:update', resource) };
  });
  const { token, expiresIn } = await mintCollabToken({ db, keyring, actor });
  return {
    sessionId: projectRoomName(project.id),
    websocketUrl: collabWebsocketUrl(publicUrl),
    token,
    expiresIn,
    readOnly,
    participants: await participantsOf(project.id),
  };
}
