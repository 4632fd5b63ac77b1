// Presence: who is in a document or a project session, with trusted identities and per-user colours.
import type { Database } from '../../../platform/db/index.ts';
import { actorOfContext } from '../voice/project-room-access.ts';
import { presenceExtension } from './presence-extension.ts';
import { userNamesFromDb } from './user-names.ts';

export { participantsOf, type TParticipant, ZAwarenessStateSchema } from './awareness-state.ts';
export { participants, participantsOfMany } from './participants.ts';
export { presenceExtension } from './presence-extension.ts';
export { participantsOfProject } from './project-participants.ts';
export { colorForUser } from './user-color.ts';
export { userNamesFromDb } from './user-names.ts';

/** The presence extension for the collaboration core, whose connection context is `{ actor }`. */
export const collabPresence = (db: Database) =>
  presenceExtension({ userIdOf: (context) => actorOfContext(context)?.userId, nameOf: userNamesFromDb(db) });
