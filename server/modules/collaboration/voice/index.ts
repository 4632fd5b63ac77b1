// Voice rooms: WebRTC signalling relayed between the members of one project over its room document.
import type { Database } from '../../../platform/db/index.ts';
import { actorOfContext, projectRoomAccess } from './project-room-access.ts';
import { voiceExtension } from './voice-extension.ts';

export {
  MAX_SIGNAL_BYTES,
  type TVoiceClientMessage,
  type TVoicePeer,
  type TVoiceServerMessage,
  ZVoiceClientMessageSchema,
} from './messages.ts';
export { actorOfContext, projectRoomAccess } from './project-room-access.ts';
export { projectIdOfRoom, projectRoomName } from './room-name.ts';
export { voiceExtension } from './voice-extension.ts';

/** The voice extension for the collaboration core, whose connection context is `{ actor }`. */
export const collabVoice = (db: Database) =>
  voiceExtension({ userIdOf: (context) => actorOfContext(context)?.userId, isMember: projectRoomAccess(db) });
