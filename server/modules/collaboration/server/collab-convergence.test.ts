import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  connect,
  contentDocument,
  memberWithKey,
  type TClient,
  waitUntil,
} from '../../../testing/collab.test-kit.ts';
import { startTestServer, type TestServer } from '../../../testing/test-server.ts';
import { parseDocumentName, type TStoredDocumentRef } from './document-name.ts';
import { ensureDocument, loadDocument } from './persistence.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server?.stop());

const command = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    client: fc.nat(2),
    at: fc.nat(),
    text: fc.string({ minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), client: fc.nat(2), at: fc.nat(), length: fc.nat(3) }),
  fc.record({ kind: fc.constant('disconnect' as const), client: fc.nat(2) }),
  fc.record({ kind: fc.constant('reconnect' as const), client: fc.nat(2) }),
  fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 40 }) }),
);

/**
 * Reconnects a client its test disconnected. The provider's connect() is a no-op while the socket it was told
 * to close still reads as connected, so the close is awaited first (edits made meanwhile stay local).
 */
async function reconnect(c: TClient) {
  if (c.socket.shouldConnect) return;
  await waitUntil(() => c.socket.status === 'disconnected', 'the socket to close');
  // On a loaded machine a connection attempt can time out; a client then tries again, as real ones do.
  for (let attempt = 0; attempt < 5 && c.socket.status !== 'connected'; attempt++) {
    void c.socket.connect();
    await waitUntil(() => c.socket.status === 'connected', 'the socket to reconnect', 5_000).catch(() => {});
  }
}

describe('convergence (property)', () => {
  it('three clients with random edits, disconnects and reconnects always converge to what is stored', async () => {
    const { actor, key } = await memberWithKey(server.platform);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 30 }), async (commands) => {
        const name = await contentDocument(server.platform.db, actor.organizationId, actor.userId);
        const clients = [0, 1, 2].map(() => connect(server.url, name, key, { reconnect: true }));
        try {
          await Promise.all(clients.map((c) => c.settled()));
          for (const cmd of commands) {
            if (cmd.kind === 'pause') {
              await new Promise((r) => setTimeout(r, cmd.ms));
              continue;
            }
            const c = clients[cmd.client]!;
            const body = c.doc.getText('body');
            if (cmd.kind === 'insert') body.insert(cmd.at % (body.length + 1), cmd.text);
            else if (cmd.kind === 'delete' && body.length > 0) {
              const at = cmd.at % body.length;
              body.delete(at, Math.min(cmd.length, body.length - at));
            } else if (cmd.kind === 'disconnect') c.socket.disconnect();
            else if (cmd.kind === 'reconnect') await reconnect(c);
          }
          for (const c of clients) await reconnect(c);
          await waitUntil(
            () =>
              clients.every((c) => c.provider.isSynced && !c.provider.hasUnsyncedChanges) &&
              clients.every((c) => c.text() === clients[0]!.text()),
            'the three clients to converge',
            20_000,
          ).catch((err: Error) => {
            const state = clients.map((c) => ({
              text: c.text(),
              synced: c.provider.isSynced,
              unsynced: c.provider.unsyncedChanges,
              status: c.socket.status,
            }));
            throw new Error(`${err.message}: ${JSON.stringify(state)}`);
          });
          const stored = await ensureDocument(
            server.platform.db,
            actor.organizationId,
            name,
            parseDocumentName(name) as TStoredDocumentRef,
          );
          const fromDb = new Y.Doc();
          await loadDocument(server.platform.db, stored, fromDb);
          expect(fromDb.getText('body').toString()).toBe(clients[0]!.text());
        } finally {
          for (const c of clients) c.destroy();
        }
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
