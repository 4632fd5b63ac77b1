import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  connectClient,
  eventually,
  startPlainCollab,
  type TTestContext,
  userIdOfTestContext,
} from '../presence/plain-collab.test-kit.ts';
import { MAX_SIGNAL_BYTES, type TVoiceServerMessage } from './messages.ts';
import { projectIdOfRoom, projectRoomName } from './room-name.ts';
import { voiceExtension } from './voice-extension.ts';

type TClient = Awaited<ReturnType<typeof connectClient>>;
const messages = (c: TClient) => c.received.map((p) => JSON.parse(p) as TVoiceServerMessage);
const next = (c: TClient, type: TVoiceServerMessage['type'], from = 0) =>
  eventually(() =>
    messages(c)
      .slice(from)
      .find((m) => m.type === type),
  );

describe('voice signalling over project rooms (real WebSocket clients)', () => {
  const projectId = randomUUID();
  const otherProject = randomUUID();
  const room = projectRoomName(projectId);
  const ada = { userId: randomUUID(), name: 'Ada', projectIds: [projectId] };
  const bob = { userId: randomUUID(), name: 'Bob', projectIds: [projectId] };
  const eve = { userId: randomUUID(), name: 'Eve', projectIds: [otherProject] };
  // Carol opened the room while a member, then was removed from the project.
  const carol = { userId: randomUUID(), name: 'Carol', projectIds: [projectId] };
  const removed = new Set<string>([carol.userId]);
  let collab: Awaited<ReturnType<typeof startPlainCollab>>;
  const cleanups: (() => unknown)[] = [];

  beforeEach(async () => {
    const voice = voiceExtension({
      userIdOf: userIdOfTestContext,
      isMember: async ({ context, projectId: p }) => {
        const { user } = context as TTestContext;
        return user.projectIds.includes(p) && !removed.has(user.userId);
      },
    });
    collab = await startPlainCollab({ users: { ta: ada, tb: bob, te: eve, tc: carol }, extensions: [voice] });
    cleanups.push(collab.close);
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function join(token: string) {
    const c = await connectClient(collab.url, room, token);
    cleanups.push(c.close);
    c.provider.sendStateless(JSON.stringify({ type: 'voice_start' }));
    const roster = await next(c, 'voice_peers');
    if (roster.type !== 'voice_peers') throw new Error('unreachable');
    return { ...c, self: roster.self, roster };
  }

  it('relays offer, answer and ICE between two members, stamped with the sender', async () => {
    const a = await join('ta');
    expect(a.roster.peers).toEqual([]);
    const b = await join('tb');
    expect(b.roster.peers).toEqual([{ peerId: a.self, userId: ada.userId }]);
    expect(await next(a, 'voice_joined')).toEqual({
      type: 'voice_joined',
      peer: { peerId: b.self, userId: bob.userId },
    });

    b.provider.sendStateless(JSON.stringify({ type: 'offer', to: a.self, sdp: 'v=0 offer' }));
    expect(await next(a, 'offer')).toEqual({
      type: 'offer',
      from: b.self,
      fromUserId: bob.userId,
      sdp: 'v=0 offer',
    });
    a.provider.sendStateless(JSON.stringify({ type: 'answer', to: b.self, sdp: 'v=0 answer' }));
    expect(await next(b, 'answer')).toEqual({
      type: 'answer',
      from: a.self,
      fromUserId: ada.userId,
      sdp: 'v=0 answer',
    });
    const candidate = {
      candidate: 'candidate:1 1 udp 2122260223 10.0.0.1 5000 typ host',
      sdpMid: '0',
      sdpMLineIndex: 0,
    };
    a.provider.sendStateless(JSON.stringify({ type: 'ice_candidate', to: b.self, candidate }));
    expect(await next(b, 'ice_candidate')).toEqual({
      type: 'ice_candidate',
      from: a.self,
      fromUserId: ada.userId,
      candidate,
    });

    // Signals go to the addressee only, never back to the sender.
    expect(messages(b).some((m) => m.type === 'offer')).toBe(false);

    b.provider.sendStateless(JSON.stringify({ type: 'leave' }));
    expect(await next(a, 'voice_left')).toEqual({ type: 'voice_left', peerId: b.self });
    b.provider.sendStateless(JSON.stringify({ type: 'offer', to: a.self, sdp: 'x' }));
    expect(await next(b, 'voice_error')).toMatchObject({ code: 'NOT_IN_ROOM' });
  });

  it('tells the room when a peer disconnects', async () => {
    const a = await join('ta');
    const b = await join('tb');
    b.close();
    expect(await next(a, 'voice_left')).toEqual({ type: 'voice_left', peerId: b.self });
  });

  it('refuses a non-member at connection time', async () => {
    await expect(connectClient(collab.url, room, 'te')).rejects.toThrow();
    await expect(connectClient(collab.url, room, 'nobody')).rejects.toThrow();
  });

  it('refuses voice_start from a connection whose user is no longer a member', async () => {
    const a = await join('ta');
    const c = await connectClient(collab.url, room, 'tc');
    cleanups.push(c.close);
    c.provider.sendStateless(JSON.stringify({ type: 'voice_start' }));
    expect(await next(c, 'voice_error')).toMatchObject({ code: 'NOT_A_MEMBER' });
    c.provider.sendStateless(JSON.stringify({ type: 'offer', to: a.self, sdp: 'x' }));
    expect(await next(c, 'voice_error', 1)).toMatchObject({ code: 'NOT_IN_ROOM' });
    expect(messages(a).filter((m) => m.type !== 'voice_peers')).toEqual([]);
  });

  it.each([
    ['not JSON', '{oops', 'INVALID_MESSAGE'],
    ['an unknown type', JSON.stringify({ type: 'hangup' }), 'INVALID_MESSAGE'],
    ['a missing recipient', JSON.stringify({ type: 'offer', sdp: 'x' }), 'INVALID_MESSAGE'],
    ['a wrong type', JSON.stringify({ type: 'offer', to: 5, sdp: 'x' }), 'INVALID_MESSAGE'],
    ['an extra field', JSON.stringify({ type: 'leave', as: 'someone' }), 'INVALID_MESSAGE'],
    [
      'an oversize message',
      JSON.stringify({ type: 'offer', to: 'p', sdp: 'x'.repeat(MAX_SIGNAL_BYTES) }),
      'MESSAGE_TOO_LARGE',
    ],
    ['an unknown peer', JSON.stringify({ type: 'offer', to: 'no-such-peer', sdp: 'x' }), 'PEER_NOT_FOUND'],
  ])('answers %s with voice_error', async (_label, payload, code) => {
    const a = await join('ta');
    a.provider.sendStateless(payload);
    expect(await next(a, 'voice_error')).toMatchObject({ type: 'voice_error', code });
  });

  it('refuses addressing oneself', async () => {
    const a = await join('ta');
    a.provider.sendStateless(JSON.stringify({ type: 'offer', to: a.self, sdp: 'x' }));
    expect(await next(a, 'voice_error')).toMatchObject({ code: 'PEER_NOT_FOUND' });
  });

  it('keeps rooms of different projects apart', async () => {
    const a = await join('ta');
    const e = await connectClient(collab.url, projectRoomName(otherProject), 'te');
    cleanups.push(e.close);
    e.provider.sendStateless(JSON.stringify({ type: 'voice_start' }));
    const roster = await next(e, 'voice_peers');
    expect(roster).toMatchObject({ peers: [] });
    e.provider.sendStateless(JSON.stringify({ type: 'offer', to: a.self, sdp: 'x' }));
    expect(await next(e, 'voice_error')).toMatchObject({ code: 'PEER_NOT_FOUND' });
    expect(messages(a).some((m) => m.type === 'voice_joined' || m.type === 'offer')).toBe(false);
  });
});

describe('room names', () => {
  it('maps projects to rooms and back, and nothing else', () => {
    const id = randomUUID();
    expect(projectIdOfRoom(projectRoomName(id))).toBe(id);
    expect(projectIdOfRoom('content:abc')).toBeUndefined();
    expect(projectIdOfRoom('project:not-a-uuid')).toBeUndefined();
  });
});
