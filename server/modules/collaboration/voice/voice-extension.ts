import type { Connection, Extension, onDisconnectPayload, onStatelessPayload } from '@hocuspocus/server';
import type { PubSub } from '../../../platform/pubsub/index.ts';
import { parseVoiceMessage, type TVoiceErrorCode, type TVoiceServerMessage } from './messages.ts';
import { projectIdOfRoom } from './room-name.ts';
import { createVoiceRelay, type TVoiceRelay } from './voice-relay.ts';
import { VoiceRooms } from './voice-rooms.ts';

export type TVoiceExtensionOptions = {
  /** The user a connection authenticated as (from the collaboration server's context). */
  userIdOf: (context: unknown) => string | undefined;
  /**
   * Whether this connection's user may be in the project's voice room, asked again at each `voice_start`
   * (not only when the socket opened), so a member removed from the project cannot rejoin on an old socket.
   */
  isMember: (args: { context: unknown; projectId: string }) => Promise<boolean>;
  /**
   * The bus between processes (platform pub/sub): with it, a room spans every process its members are
   * connected to (voice-relay.ts); without it, a room is this process's connections only.
   */
  pubsub?: PubSub;
  onRelayError?: (err: unknown) => void;
  /** How often the relay publishes this process's roster (tests shorten it). */
  rosterEveryMs?: number;
};

const send = (connection: Connection, message: TVoiceServerMessage) =>
  connection.sendStateless(JSON.stringify(message));
const refuse = (connection: Connection, code: TVoiceErrorCode, message: string) =>
  send(connection, { type: 'voice_error', code, message });

/**
 * WebRTC signalling over Hocuspocus stateless messages on project room documents (`project:<id>`): a peer
 * joins with `voice_start`, then offers, answers and ICE candidates go to one peer of the same room, stamped
 * with the sender's peer and user id so nobody can pose as someone else. Media never touches the server.
 */
export function voiceExtension(opts: TVoiceExtensionOptions): Extension & { rooms: VoiceRooms } {
  const rooms = new VoiceRooms();
  const relayReady: Promise<TVoiceRelay> | undefined = opts.pubsub
    ? createVoiceRelay({
        pubsub: opts.pubsub,
        onError: opts.onRelayError ?? (() => {}),
        ...(opts.rosterEveryMs ? { rosterEveryMs: opts.rosterEveryMs } : {}),
        local: {
          all: () => rooms.all(),
          tellRoom: (room, message) => {
            for (const m of rooms.members(room)) send(m.connection, message);
          },
          deliver: (room, peerId, message) => {
            const target = rooms.get(room, peerId);
            if (target) send(target.connection, message);
            return Boolean(target);
          },
        },
      })
    : undefined;
  // A failed subscription must not become an unhandled rejection; voice then stays within this process.
  relayReady?.catch((err) => opts.onRelayError?.(err));
  const relay = async () => (relayReady ? await relayReady.catch(() => undefined) : undefined);

  return {
    extensionName: 'flashfusion-voice',
    rooms,
    async onStateless({ connection, documentName, payload }: onStatelessPayload) {
      const projectId = projectIdOfRoom(documentName);
      if (!projectId) return;
      const parsed = parseVoiceMessage(payload);
      if (!parsed.ok) return refuse(connection, parsed.code, parsed.message);
      const message = parsed.message;
      const peerId = connection.socketId;
      const userId = opts.userIdOf(connection.context);
      if (!userId) return refuse(connection, 'NOT_A_MEMBER', 'This connection has no identity');

      if (message.type === 'voice_start') {
        if (!(await opts.isMember({ context: connection.context, projectId }))) {
          return refuse(connection, 'NOT_A_MEMBER', 'Only members of the project may join its voice room');
        }
        const peer = { peerId, userId };
        const others = rooms.join(documentName, { ...peer, connection });
        const elsewhere = (await relay())?.remotePeers(documentName) ?? [];
        send(connection, { type: 'voice_peers', self: peerId, peers: [...others, ...elsewhere] });
        for (const m of rooms.members(documentName)) {
          if (m.peerId !== peerId) send(m.connection, { type: 'voice_joined', peer });
        }
        (await relay())?.joined(documentName, peer);
        return;
      }
      if (!rooms.get(documentName, peerId)) {
        return refuse(connection, 'NOT_IN_ROOM', 'Send voice_start before signalling');
      }
      if (message.type === 'leave') return leave(documentName, peerId);

      const target = rooms.get(documentName, message.to);
      const remote = !target && (await relay())?.isRemote(documentName, message.to);
      if ((!target && !remote) || message.to === peerId) {
        return refuse(connection, 'PEER_NOT_FOUND', `No peer ${message.to} in this voice room`);
      }
      const from = { from: peerId, fromUserId: userId };
      const relayed: TVoiceServerMessage =
        message.type === 'ice_candidate'
          ? { type: 'ice_candidate', ...from, candidate: message.candidate }
          : { type: message.type, ...from, sdp: message.sdp };
      if (target) send(target.connection, relayed);
      else (await relay())?.signal(documentName, message.to, relayed);
    },
    async onDisconnect({ documentName, socketId }: onDisconnectPayload) {
      if (projectIdOfRoom(documentName)) await leave(documentName, socketId);
    },
    async onDestroy() {
      await (await relay())?.close();
    },
  };

  async function leave(room: string, peerId: string) {
    if (!rooms.leave(room, peerId)) return;
    for (const m of rooms.members(room)) send(m.connection, { type: 'voice_left', peerId });
    (await relay())?.left(room, peerId);
  }
}
