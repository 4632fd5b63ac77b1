// Voice rooms across processes. A peer's socket lives on one process, but with REDIS_URL the members of one
// project may be connected to different processes. Each process keeps its own members (VoiceRooms) and,
// through the platform's pub/sub, learns the members of the others (joins, leaves, and a periodic roster that
// repairs anything missed and forgets the members of a process that died), and forwards a signal addressed
// to a peer of another process to that process. Membership is checked where a peer joins (voice_start);
// the channel carries only what our own processes publish.
//
// Why not the Hocuspocus Redis extension: it relays stateless messages as broadcasts to every connection of
// the document on every process (Document.relayStateless), and signals must reach one addressed peer only.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { PubSub } from '../../../platform/pubsub/index.ts';
import type { TVoicePeer, TVoiceServerMessage } from './messages.ts';

export const VOICE_CHANNEL = 'ff:collab:voice';
/** How often each process publishes its roster; members of a process silent for 3 periods are dropped. */
export const ROSTER_EVERY_MS = 10_000;

const ZPeer = z.object({ peerId: z.string(), userId: z.string() });
const ZRelayMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('joined'), from: z.string(), room: z.string(), peer: ZPeer }),
  z.object({ kind: z.literal('left'), from: z.string(), room: z.string(), peerId: z.string() }),
  z.object({
    kind: z.literal('signal'),
    from: z.string(),
    room: z.string(),
    to: z.string(),
    message: z.record(z.string(), z.unknown()),
  }),
  z.object({
    kind: z.literal('roster'),
    from: z.string(),
    peers: z.array(ZPeer.extend({ room: z.string() })),
  }),
  z.object({ kind: z.literal('hello'), from: z.string() }),
  z.object({ kind: z.literal('bye'), from: z.string() }),
]);
type TRelayMessage = z.infer<typeof ZRelayMessageSchema>;

type TRemotePeer = TVoicePeer & { process: string; seenAt: number };

/** What the relay asks of the local rooms when something happens elsewhere. */
export type TLocalRooms = {
  /** The local members of every room, for the roster. */
  all(): (TVoicePeer & { room: string })[];
  /** Tell the local members of `room` (a peer joined or left elsewhere). */
  tellRoom(room: string, message: TVoiceServerMessage): void;
  /** Deliver a signal to a local peer; false when it is not here. */
  deliver(room: string, peerId: string, message: TVoiceServerMessage): boolean;
};

export type TVoiceRelay = {
  /** Members of a room on other processes. */
  remotePeers(room: string): TVoicePeer[];
  isRemote(room: string, peerId: string): boolean;
  joined(room: string, peer: TVoicePeer): void;
  left(room: string, peerId: string): void;
  signal(room: string, to: string, message: TVoiceServerMessage): void;
  close(): Promise<void>;
};

export async function createVoiceRelay(deps: {
  pubsub: PubSub;
  local: TLocalRooms;
  onError: (err: unknown) => void;
  rosterEveryMs?: number;
}): Promise<TVoiceRelay> {
  const { pubsub, local } = deps;
  const every = deps.rosterEveryMs ?? ROSTER_EVERY_MS;
  // Per relay, not per process: tests run two relays on one in-memory bus.
  const self = randomUUID();
  const remote = new Map<string, Map<string, TRemotePeer>>();
  const publish = (m: TRelayMessage) => pubsub.publish(VOICE_CHANNEL, JSON.stringify(m)).catch(deps.onError);

  const add = (room: string, peer: TVoicePeer, process: string) => {
    let peers = remote.get(room);
    if (!peers) {
      peers = new Map();
      remote.set(room, peers);
    }
    const known = peers.has(peer.peerId);
    peers.set(peer.peerId, { ...peer, process, seenAt: Date.now() });
    if (!known) local.tellRoom(room, { type: 'voice_joined', peer });
  };
  const drop = (room: string, peerId: string) => {
    const peers = remote.get(room);
    if (!peers?.delete(peerId)) return;
    if (peers.size === 0) remote.delete(room);
    local.tellRoom(room, { type: 'voice_left', peerId });
  };
  /** Drops the peers of `process` that `keep` does not accept (all of them by default). */
  const dropOf = (process: string, keep: (room: string, peerId: string) => boolean = () => false) => {
    for (const [room, peers] of remote) {
      for (const p of [...peers.values()])
        if (p.process === process && !keep(room, p.peerId)) drop(room, p.peerId);
    }
  };
  const sendRoster = () => publish({ kind: 'roster', from: self, peers: local.all() });

  const unsubscribe = await pubsub.subscribe(VOICE_CHANNEL, (raw) => {
    let parsed: TRelayMessage;
    try {
      parsed = ZRelayMessageSchema.parse(JSON.parse(raw));
    } catch (err) {
      return deps.onError(err);
    }
    if (parsed.from === self) return;
    switch (parsed.kind) {
      case 'joined':
        return add(parsed.room, parsed.peer, parsed.from);
      case 'left':
        return drop(parsed.room, parsed.peerId);
      case 'signal':
        local.deliver(parsed.room, parsed.to, parsed.message as TVoiceServerMessage);
        return;
      case 'roster': {
        const listed = new Set(parsed.peers.map((p) => `${p.room}\n${p.peerId}`));
        dropOf(parsed.from, (room, peerId) => listed.has(`${room}\n${peerId}`));
        for (const { room, ...peer } of parsed.peers) add(room, peer, parsed.from);
        return;
      }
      case 'hello':
        // A process that just started asks who is where; answering at once spares it a roster period.
        return void sendRoster();
      case 'bye':
        return dropOf(parsed.from);
    }
  });
  const timer = setInterval(() => {
    void sendRoster();
    const stale = Date.now() - 3 * every;
    for (const [room, peers] of remote) {
      for (const p of [...peers.values()]) if (p.seenAt < stale) drop(room, p.peerId);
    }
  }, every);
  timer.unref();
  // Messages sent while the bus was away are lost: ask again, and say who is here.
  const offReconnect = pubsub.onReconnect(() => {
    void publish({ kind: 'hello', from: self });
    void sendRoster();
  });
  await publish({ kind: 'hello', from: self });

  return {
    remotePeers: (room) =>
      [...(remote.get(room)?.values() ?? [])].map(({ peerId, userId }) => ({ peerId, userId })),
    isRemote: (room, peerId) => remote.get(room)?.has(peerId) ?? false,
    joined: (room, peer) => void publish({ kind: 'joined', from: self, room, peer }),
    left: (room, peerId) => void publish({ kind: 'left', from: self, room, peerId }),
    signal: (room, to, message) => void publish({ kind: 'signal', from: self, room, to, message }),
    async close() {
      clearInterval(timer);
      offReconnect();
      await publish({ kind: 'bye', from: self });
      await unsubscribe();
    },
  };
}
