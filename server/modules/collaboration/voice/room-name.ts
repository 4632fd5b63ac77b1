import { isUuid } from '../../../../contracts/ids.ts';

// A project's room is a Hocuspocus document of its own: presence for the whole project and the voice
// signalling channel ride on it, so one socket carries documents, presence and voice (SPEC §8).
const ROOM_PREFIX = 'project:';

/** The room document of a project. */
export const projectRoomName = (projectId: string): string => `${ROOM_PREFIX}${projectId.toLowerCase()}`;

/** The project id of a room document name, or undefined when the name is not a project room. */
export function projectIdOfRoom(documentName: string): string | undefined {
  if (!documentName.startsWith(ROOM_PREFIX)) return undefined;
  const id = documentName.slice(ROOM_PREFIX.length);
  return isUuid(id) ? id.toLowerCase() : undefined;
}
