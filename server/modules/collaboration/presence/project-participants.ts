import type { Hocuspocus } from '@hocuspocus/server';
import { projectRoomName } from '../voice/room-name.ts';
import type { TParticipant } from './awareness-state.ts';
import { participantsOfMany } from './participants.ts';

/**
 * Who is in a project's session on this process: its room (`project:<id>`) and any of its open files
 * (`file:<id>:<path>`). The documents map is per process; with Redis, awareness of clients on other
 * processes is relayed into the documents this process has open.
 */
export function participantsOfProject(hocuspocus: Hocuspocus, projectId: string): TParticipant[] {
  const room = projectRoomName(projectId);
  const filePrefix = `file:${projectId.toLowerCase()}:`;
  const names = [room, ...[...hocuspocus.documents.keys()].filter((n) => n.startsWith(filePrefix))];
  return participantsOfMany(hocuspocus, names);
}
