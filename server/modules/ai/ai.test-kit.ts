// Test helpers for the AI data tests: a migrated database with secrets, events and the catalogue, members of
// new organizations, and a tiny local HTTP upstream. Imported by tests only.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createKeyring, createSecrets, type Secrets } from '../../platform/crypto/index.ts';
import type { Database } from '../../platform/db/index.ts';
import { createEventBus, type EventBus } from '../../platform/events/index.ts';
import type { TTargetPolicy } from '../../platform/net/index.ts';
import { createMemoryPubSub } from '../../platform/pubsub/index.ts';
import { createTestDatabase } from '../../platform/testing/test-database.ts';
import { type Catalogue, createCatalogue } from './catalogue/find-model.ts';

export type TAiHarness = {
  db: Database;
  secrets: Secrets;
  events: EventBus;
  catalogue: Catalogue;
  /** The fake upstreams listen on 127.0.0.1: that one loopback address is let through the SSRF guard. */
  network: TTargetPolicy;
  close: () => Promise<void>;
};

/** What the harness's providers may reach: 127.0.0.1 (its upstreams) and public addresses, nothing else private. */
export const LOOPBACK_UPSTREAMS: TTargetPolicy = {
  allowPrivateNetworks: false,
  allowedAddresses: ['127.0.0.1'],
};

export async function createAiHarness(): Promise<TAiHarness> {
  const { db, cleanup } = await createTestDatabase();
  const secrets = createSecrets({ db, keyring: createKeyring(randomBytes(32)) });
  const events = await createEventBus({ db, pubsub: createMemoryPubSub(), log: pino({ level: 'silent' }) });
  return {
    db,
    secrets,
    events,
    // No process cache here: these tests change the catalogue and read it back at once.
    catalogue: createCatalogue({ db, ttlMs: 0 }),
    network: LOOPBACK_UPSTREAMS,
    close: async () => {
      await events.close();
      await cleanup();
    },
  };
}

export type TSeenRequest = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };

/** A local HTTP server answering with `handler`; every request it saw is kept in `seen`. */
export async function startUpstream(
  handler: (req: TSeenRequest, res: http.ServerResponse) => void,
): Promise<{ url: string; seen: TSeenRequest[]; close: () => Promise<void> }> {
  const seen: TSeenRequest[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
    });
    req.on('end', () => {
      const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(r);
      handler(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const sendJson = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};
