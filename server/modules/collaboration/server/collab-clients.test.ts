import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  connect,
  contentDocument,
  memberWithKey,
  type TClient,
  waitUntil,
} from '../../../testing/collab.test-kit.ts';
import { startTestServer, type TestServer } from '../../../testing/test-server.ts';
import { COLLAB_MAX_PAYLOAD } from '../create-collaboration.ts';
import type { TStoredDocumentRef } from './document-name.ts';

let server: TestServer;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  for (const c of cleanups) c();
  await server?.stop();
});

const open = (name: string, token: string): TClient => {
  const c = connect(server.url, name, token);
  cleanups.push(c.destroy);
  return c;
};

function stockYWebsocket(name: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/api/v1/collab`, name, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
  });
  cleanups.push(() => provider.destroy());
  return { doc, provider, text: () => doc.getText('body').toString() };
}

/** A raw socket speaking the Hocuspocus framing, authenticated for `name`. */
async function rawSocket(name: string, token: string) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/collab`);
  ws.binaryType = 'arraybuffer';
  const closed = new Promise<{ code: number; reason: string }>((r) =>
    ws.addEventListener('close', (e) => r({ code: e.code, reason: e.reason })),
  );
  await new Promise((r) => ws.addEventListener('open', r));
  const authenticated = new Promise((r) => ws.addEventListener('message', r, { once: true }));
  const e = encoding.createEncoder();
  encoding.writeVarString(e, name);
  encoding.writeVarUint(e, 2); // auth
  encoding.writeVarUint(e, 0); // token
  encoding.writeVarString(e, token);
  ws.send(encoding.toUint8Array(e));
  await authenticated;
  cleanups.push(() => ws.close());
  return { ws, closed };
}

describe('stock clients and bad messages', () => {
  it('syncs a stock y-websocket client with a @hocuspocus/provider client', async () => {
    const { actor, key } = await memberWithKey(server.platform);
    const name = await contentDocument(server.platform.db, actor.organizationId, actor.userId);
    const hp = open(name, key);
    await hp.settled();
    hp.doc.getText('body').insert(0, 'from hocuspocus. ');
    const yw = stockYWebsocket(name, key);
    await waitUntil(() => yw.text() === 'from hocuspocus. ', 'y-websocket to receive the document');
    yw.doc.getText('body').insert(yw.text().length, 'from y-websocket.');
    await waitUntil(() => hp.text() === 'from hocuspocus. from y-websocket.', 'hocuspocus client to receive');
    // The stock client's edit went through persistence like any other.
    const reloaded = new Y.Doc();
    const { loadDocument, ensureDocument } = await import('./persistence.ts');
    const { parseDocumentName } = await import('./document-name.ts');
    const stored = await ensureDocument(
      server.platform.db,
      actor.organizationId,
      name,
      parseDocumentName(name) as TStoredDocumentRef,
    );
    await loadDocument(server.platform.db, stored, reloaded);
    expect(reloaded.getText('body').toString()).toBe('from hocuspocus. from y-websocket.');
  });

  it('refuses a stock y-websocket client without a valid token with 4401', async () => {
    const { actor } = await memberWithKey(server.platform);
    const name = await contentDocument(server.platform.db, actor.organizationId, actor.userId);
    const yw = stockYWebsocket(name, 'ff_wrong');
    const code = await new Promise<number>((r) =>
      yw.provider.on('connection-close', (e: CloseEvent | null) => r(e?.code ?? 0)),
    );
    expect(code).toBe(4401);
  });

  it('closes a connection sending a malformed update and keeps the document intact', async () => {
    const { actor, key } = await memberWithKey(server.platform);
    const name = await contentDocument(server.platform.db, actor.organizationId, actor.userId);
    const good = open(name, key);
    await good.settled();
    good.doc.getText('body').insert(0, 'intact');
    await good.settled();
    const { ws, closed } = await rawSocket(name, key);
    const e = encoding.createEncoder();
    encoding.writeVarString(e, name);
    encoding.writeVarUint(e, 0); // sync
    encoding.writeVarUint(e, 2); // update
    encoding.writeVarUint8Array(e, new Uint8Array([200, 1, 255, 255, 255, 7, 9]));
    ws.send(encoding.toUint8Array(e));
    expect((await closed).code).toBe(4205);
    expect(server.collab!.hocuspocus.documents.get(name)?.getText('body').toString()).toBe('intact');
    const fresh = open(name, key);
    await waitUntil(() => fresh.text() === 'intact', 'a new client to load the intact document');
  });

  it('closes a connection whose first message is not Hocuspocus framing', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/collab`);
    const closed = new Promise<number>((r) => ws.addEventListener('close', (e) => r(e.code)));
    await new Promise((r) => ws.addEventListener('open', r));
    ws.send(new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 255, 255]));
    expect(await closed).toBe(4401);
  });

  it('closes a connection sending a message over the size limit (1009) and keeps the document intact', async () => {
    const { actor, key } = await memberWithKey(server.platform);
    const name = await contentDocument(server.platform.db, actor.organizationId, actor.userId);
    const good = open(name, key);
    await good.settled();
    good.doc.getText('body').insert(0, 'intact');
    await good.settled();
    const { ws, closed } = await rawSocket(name, key);
    // A well-formed update, too large: it must not be applied in part or stored.
    const big = new Y.Doc();
    big.getText('body').insert(0, 'x'.repeat(COLLAB_MAX_PAYLOAD));
    const e = encoding.createEncoder();
    encoding.writeVarString(e, name);
    encoding.writeVarUint(e, 0); // sync
    encoding.writeVarUint(e, 2); // update
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(big));
    ws.send(encoding.toUint8Array(e));
    expect((await closed).code).toBe(1009);
    expect(good.text()).toBe('intact');
    expect(server.collab!.hocuspocus.documents.get(name)?.getText('body').toString()).toBe('intact');
    const fresh = open(name, key);
    await waitUntil(() => fresh.text() === 'intact', 'a new client to load the intact document');
  });

  it('closes a connection sending a malformed awareness update and keeps the document intact', async () => {
    const { actor, key } = await memberWithKey(server.platform);
    const name = await contentDocument(server.platform.db, actor.organizationId, actor.userId);
    const good = open(name, key);
    await good.settled();
    good.doc.getText('body').insert(0, 'intact');
    await good.settled();
    const { ws, closed } = await rawSocket(name, key);
    const e = encoding.createEncoder();
    encoding.writeVarString(e, name);
    encoding.writeVarUint(e, 1); // awareness
    encoding.writeVarUint8Array(e, new Uint8Array([5, 255, 255, 255, 255, 255, 1]));
    ws.send(encoding.toUint8Array(e));
    expect((await closed).code).toBeGreaterThanOrEqual(4000);
    expect(server.collab!.hocuspocus.documents.get(name)?.getText('body').toString()).toBe('intact');
  });

  it('applies nothing sent before a refused authentication', async () => {
    const { actor, key } = await memberWithKey(server.platform);
    const name = await contentDocument(server.platform.db, actor.organizationId, actor.userId);
    const good = open(name, key);
    await good.settled();
    good.doc.getText('body').insert(0, 'intact');
    await good.settled();
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/collab`);
    ws.binaryType = 'arraybuffer';
    const closed = new Promise<number>((r) => ws.addEventListener('close', (ev) => r(ev.code)));
    await new Promise((r) => ws.addEventListener('open', r));
    const frame = (write: (e: encoding.Encoder) => void) => {
      const e = encoding.createEncoder();
      encoding.writeVarString(e, name);
      write(e);
      return encoding.toUint8Array(e);
    };
    const vandal = new Y.Doc();
    vandal.getText('body').insert(0, 'VANDAL');
    // The update right behind a bad token, before the server has answered the authentication.
    ws.send(
      frame((e) => {
        encoding.writeVarUint(e, 2); // auth
        encoding.writeVarUint(e, 0); // token
        encoding.writeVarString(e, 'ff_bad');
      }),
    );
    ws.send(
      frame((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(vandal));
      }),
    );
    expect(await closed).toBe(4401);
    await new Promise((r) => setTimeout(r, 300));
    expect(good.text()).toBe('intact');
    expect(server.collab!.hocuspocus.documents.get(name)?.getText('body').toString()).toBe('intact');
  });
});
