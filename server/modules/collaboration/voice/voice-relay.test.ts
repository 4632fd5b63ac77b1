// Voice rooms spanning processes: two collaboration servers (each with its own voice extension and relay)
// on one bus, with real WebSocket clients; and the relay's repair of what it missed.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryPubSub } from '../../../platform/pubsub/index.ts';
import {
  connectClient,
  eventually,
  startPlainCollab,
  type TTestContext,
  userIdOfTestContext,
} from '../presence/plain-collab.test-kit.ts';
import type { TVoiceServerMessage } from './messages.ts';
import { projectRoomName } from './room-name.ts';
import { voiceExtension } from './voice-extension.ts';
import { createVoiceRelay, VOICE_CHANNEL } from './voice-relay.ts';

type TClient = Awaited<ReturnType<typeof connectClient>>;
const messages = (c: TClient) => c.received.map((p) => JSON.parse(p) as TVoiceServerMessage);
const next = (c: TClient, type: TVoiceServerMessage['type']) =>
  eventually(() => messages(c).find((m) => m.type === type), 5000);
const say = (c: TClient, m: unknown) => c.provider.sendStateless(JSON.stringify(m));

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('voice rooms across processes (two servers, one bus, real clients)', () => {
  const projectId = randomUUID();
  const otherProject = randomUUID();
  const room = projectRoomName(projectId);
  const users = {
    ta: { userId: randomUUID(), name: 'Ada', projectIds: [projectId] },
    tb: { userId: randomUUID(), name: 'Bob', projectIds: [projectId] },
    te: { userId: randomUUID(), name: 'Eve', projectIds: [otherProject] },
  };

  async function twoServers() {
    const bus = createMemoryPubSub();
    const servers = [];
    for (let i = 0; i < 2; i++) {
      const voice = voiceExtension({
        userIdOf: userIdOfTestContext,
        isMember: async ({ context, projectId: p }) => (context as TTestContext).user.projectIds.includes(p),
        pubsub: bus,
      });
      const collab = await startPlainCollab({ users, extensions: [voice] });
      cleanups.push(collab.close);
      servers.push(collab);
    }
    return servers as [(typeof servers)[0], (typeof servers)[0]];
  }

  async function join(url: string, name: string, token: string) {
    const c = await connectClient(url, name, token);
    cleanups.push(c.close);
    say(c, { type: 'voice_start' });
    const roster = await next(c, 'voice_peers');
    if (roster.type !== 'voice_peers') throw new Error('unreachable');
    return { ...c, self: roster.self, peers: roster.peers };
  }

  it('lists, introduces and relays signals between members on different servers', async () => {
    const [one, two] = await twoServers();
    const a = await join(one.url, room, 'ta');
    const b = await join(two.url, room, 'tb');
    expect(b.peers).toEqual([{ peerId: a.self, userId: users.ta.userId }]);
    expect(await next(a, 'voice_joined')).toEqual({
      type: 'voice_joined',
      peer: { peerId: b.self, userId: users.tb.userId },
    });

    say(b, { type: 'offer', to: a.self, sdp: 'v=0 offer' });
    expect(await next(a, 'offer')).toEqual({
      type: 'offer',
      from: b.self,
      fromUserId: users.tb.userId,
      sdp: 'v=0 offer',
    });
    say(a, { type: 'answer', to: b.self, sdp: 'v=0 answer' });
    expect(await next(b, 'answer')).toMatchObject({ from: a.self, fromUserId: users.ta.userId });
    say(a, { type: 'ice_candidate', to: b.self, candidate: null });
    expect(await next(b, 'ice_candidate')).toMatchObject({ from: a.self, candidate: null });

    b.close();
    expect(await next(a, 'voice_left')).toEqual({ type: 'voice_left', peerId: b.self });
    say(a, { type: 'offer', to: b.self, sdp: 'x' });
    expect(await next(a, 'voice_error')).toMatchObject({ code: 'PEER_NOT_FOUND' });
  });

  it('keeps another project’s room apart across servers', async () => {
    const [one, two] = await twoServers();
    const a = await join(one.url, room, 'ta');
    const e = await join(two.url, projectRoomName(otherProject), 'te');
    expect(e.peers).toEqual([]);
    say(e, { type: 'offer', to: a.self, sdp: 'x' });
    expect(await next(e, 'voice_error')).toMatchObject({ code: 'PEER_NOT_FOUND' });
    await new Promise((r) => setTimeout(r, 200));
    expect(messages(a).filter((m) => m.type !== 'voice_peers')).toEqual([]);
  });
});

describe('voice relay repair', () => {
  it('forgets the members of a process that stopped publishing its roster, and learns them from a roster', async () => {
    const bus = createMemoryPubSub();
    const told: TVoiceServerMessage[] = [];
    const relay = await createVoiceRelay({
      pubsub: bus,
      onError: (err) => {
        throw err;
      },
      rosterEveryMs: 50,
      local: { all: () => [], tellRoom: (_room, m) => told.push(m), deliver: () => false },
    });
    cleanups.push(() => relay.close());
    const room = projectRoomName(randomUUID());
    const ghost = { peerId: 'peer-on-a-dead-process', userId: randomUUID() };
    // A roster from another process introduces its member; then that process goes silent (killed).
    await bus.publish(
      VOICE_CHANNEL,
      JSON.stringify({ kind: 'roster', from: 'dead-process', peers: [{ room, ...ghost }] }),
    );
    expect(relay.remotePeers(room)).toEqual([ghost]);
    expect(told).toEqual([{ type: 'voice_joined', peer: ghost }]);
    await eventually(() => (relay.remotePeers(room).length === 0 ? true : undefined), 2000);
    expect(told.at(-1)).toEqual({ type: 'voice_left', peerId: ghost.peerId });
  });

  it('ignores malformed bus messages', async () => {
    const bus = createMemoryPubSub();
    const errors: unknown[] = [];
    const relay = await createVoiceRelay({
      pubsub: bus,
      onError: (err) => errors.push(err),
      local: { all: () => [], tellRoom: () => {}, deliver: () => false },
    });
    cleanups.push(() => relay.close());
    await bus.publish(VOICE_CHANNEL, '{not json');
    await bus.publish(VOICE_CHANNEL, JSON.stringify({ kind: 'joined', from: 'x' }));
    expect(errors).toHaveLength(2);
    expect(relay.remotePeers('project:x')).toEqual([]);
  });
});
