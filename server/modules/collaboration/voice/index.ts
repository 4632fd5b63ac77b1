// Voice rooms: WebRTC signalling relayed between the members of one project over its room document.
import type { Database } from '../../../platform/db/index.ts';
import type { Logger } from '../../../platform/logger/index.ts';
import type { PubSub } from '../../../platform/pubsub/index.ts';
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
export { createVoiceRelay, VOICE_CHANNEL } from './voice-relay.ts';

/**
 * The voice extension for the collaboration core, whose connection context is `{ actor }`; rooms span the
 * processes that share the platform's pub/sub (Redis).
 */
export const collabVoice = (deps: { db: Database; pubsub: PubSub; log: Logger }) =>
  voiceExtension({
    userIdOf: (context) => actorOfContext(context)?.userId,
    isMember: projectRoomAccess(deps.db),
    // In-memory pub/sub reaches this process only, where the rooms already are.
    ...(deps.pubsub.distributed ? { pubsub: deps.pubsub } : {}),
    onRelayError: (err) => deps.log.warn({ err }, 'voice relay message failed'),
  });
