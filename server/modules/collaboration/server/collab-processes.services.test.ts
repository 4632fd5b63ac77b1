import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Peer, startPeer } from '../../../platform/testing/peer-process.ts';
import {
  connect,
  contentDocument,
  memberWithKey,
  type TClient,
  waitUntil,
} from '../../../testing/collab.test-kit.ts';
import { startTestServer, type TestServer } from '../../../testing/test-server.ts';
import { projects } from '../../identity/schema.ts';
import { connectClient, eventually } from '../presence/plain-collab.test-kit.ts';
import type { TVoiceServerMessage } from '../voice/messages.ts';

const PEER = fileURLToPath(new URL('./fixtures/collab.test-peer.ts', import.meta.url));

// Real FlashFusion processes on one PostgreSQL (and Redis for scale-out): acknowledged edits survive a
// graceful restart and a SIGKILL, and clients on two processes edit one document together.
describe('collaboration across processes (PostgreSQL + Redis)', { timeout: 180_000 }, () => {
  let a: TestServer;
  let env: Record<string, string>;
  const peers: Peer[] = [];
  const clients: TClient[] = [];

  const spawn = async (withRedis = true) => {
    const peer = startPeer(PEER, { ...env, REDIS_URL: withRedis ? env.REDIS_URL : '' });
    peers.push(peer);
    const { url } = (await peer.waitFor((l) => l.ready === true, 60_000)) as unknown as { url: string };
    return { peer, url };
  };
  const open = (url: string, name: string, token: string) => {
    const c = connect(url, name, token);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    a = await startTestServer();
    const { DATABASE_URL, REDIS_URL } = a.platform.env as unknown as Record<string, string>;
    if (!DATABASE_URL || !REDIS_URL) throw new Error('run with --config vitest.services.config.ts');
    env = { DATABASE_URL, REDIS_URL };
  }, 90_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const p of peers) await p.kill();
    await a?.stop();
  });

  it('keeps acknowledged edits across a graceful restart and a kill -9', async () => {
    const { actor, key } = await memberWithKey(a.platform);
    const name = await contentDocument(a.platform.db, actor.organizationId, actor.userId);

    const first = await spawn(false);
    const c1 = open(first.url, name, key);
    await c1.settled();
    c1.doc.getText('body').insert(0, 'before restart. ');
    await c1.settled();
    first.peer.send({ cmd: 'stop' });
    await first.peer.waitFor((l) => l.stopped === true, 20_000);
    c1.destroy();

    const second = await spawn(false);
    const c2 = open(second.url, name, key);
    await waitUntil(() => c2.text() === 'before restart. ', 'the document after a graceful restart');
    for (let i = 0; i < 20; i++) c2.doc.getText('body').insert(c2.text().length, `${i},`);
    await c2.settled();
    const expected = c2.text();
    // Acknowledged means stored: a crash right after loses nothing.
    await second.peer.kill();
    c2.destroy();

    const third = await spawn(false);
    const c3 = open(third.url, name, key);
    await waitUntil(() => c3.text() === expected, 'the document after kill -9');
    expect(c3.text()).toContain('19,');
  });

  it('lets clients on two processes edit one document together through Redis', async () => {
    const { actor, key } = await memberWithKey(a.platform);
    const name = await contentDocument(a.platform.db, actor.organizationId, actor.userId);
    const other = await spawn(true);
    const x = open(a.url, name, key);
    const y = open(other.url, name, key);
    await Promise.all([x.settled(), y.settled()]);
    x.doc.getText('body').insert(0, 'from A ');
    y.doc.getText('body').insert(0, 'from B ');
    await waitUntil(
      () => x.text().length === 14 && x.text() === y.text(),
      `convergence (x=${JSON.stringify(x.text())})`,
      15_000,
    );
    expect(x.text()).toContain('from A ');
    expect(x.text()).toContain('from B ');
  });

  it('loses nothing when one process unloads a document while another loads it', async () => {
    const { actor, key } = await memberWithKey(a.platform);
    const name = await contentDocument(a.platform.db, actor.organizationId, actor.userId);
    const other = await spawn(true);
    let expected = '';
    for (let round = 0; round < 5; round++) {
      const writer = open(round % 2 ? a.url : other.url, name, key);
      await waitUntil(() => writer.text() === expected, `round ${round} writer to load`, 15_000);
      writer.doc.getText('body').insert(expected.length, `r${round};`);
      await writer.settled();
      expected = writer.text();
      // The writer leaves (its process unloads and compacts) while a reader opens it on the other process.
      const reader = open(round % 2 ? other.url : a.url, name, key);
      writer.destroy();
      await waitUntil(() => reader.text() === expected, `round ${round} reader to see ${expected}`, 15_000);
      reader.destroy();
    }
    expect(expected).toBe('r0;r1;r2;r3;r4;');
  });

  it('relays voice signalling between members of a project connected to two processes', async () => {
    const ada = await memberWithKey(a.platform);
    const bob = await memberWithKey(a.platform, {
      role: 'designer',
      organizationId: ada.actor.organizationId,
    });
    const [project] = await a.platform.db.orm
      .insert(projects)
      .values({ organizationId: ada.actor.organizationId, ownerId: ada.actor.userId, name: 'P', type: 'web' })
      .returning();
    const room = `project:${project!.id}`;
    const other = await spawn(true);
    const ws = (url: string) => `${url.replace(/^http/, 'ws')}/api/v1/collab`;
    const x = await connectClient(ws(a.url), room, ada.key);
    const y = await connectClient(ws(other.url), room, bob.key);
    try {
      const voice = (c: typeof x) => c.received.map((m) => JSON.parse(m) as TVoiceServerMessage);
      const next = (c: typeof x, type: TVoiceServerMessage['type']) =>
        eventually(() => voice(c).find((m) => m.type === type), 10_000);
      x.provider.sendStateless(JSON.stringify({ type: 'voice_start' }));
      const xr = await next(x, 'voice_peers');
      y.provider.sendStateless(JSON.stringify({ type: 'voice_start' }));
      const yr = await next(y, 'voice_peers');
      if (xr.type !== 'voice_peers' || yr.type !== 'voice_peers') throw new Error('unreachable');
      expect(yr.peers).toEqual([{ peerId: xr.self, userId: ada.actor.userId }]);
      expect(await next(x, 'voice_joined')).toMatchObject({
        peer: { peerId: yr.self, userId: bob.actor.userId },
      });
      y.provider.sendStateless(JSON.stringify({ type: 'offer', to: xr.self, sdp: 'v=0 across' }));
      expect(await next(x, 'offer')).toEqual({
        type: 'offer',
        from: yr.self,
        fromUserId: bob.actor.userId,
        sdp: 'v=0 across',
      });
      x.provider.sendStateless(JSON.stringify({ type: 'answer', to: yr.self, sdp: 'v=0 back' }));
      expect(await next(y, 'answer')).toMatchObject({ from: xr.self, sdp: 'v=0 back' });
      y.provider.sendStateless(JSON.stringify({ type: 'leave' }));
      expect(await next(x, 'voice_left')).toEqual({ type: 'voice_left', peerId: yr.self });
    } finally {
      x.close();
      y.close();
    }
  });
});
