// Test helpers for the collaboration endpoint: members with API keys, documents to edit, and stock clients
// (@hocuspocus/provider) connected to a real server. Imported by tests only.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { contentItems } from '../modules/content/schema.ts';
import { createApiKey } from '../modules/identity/api-keys/create-api-key.ts';
import { seedMember } from '../modules/identity/identity.test-kit.ts';
import type { organizationMembers } from '../modules/identity/schema.ts';
import type { Database } from '../platform/db/index.ts';
import type { EventBus } from '../platform/events/index.ts';

type TRole = NonNullable<(typeof organizationMembers.$inferInsert)['role']>;

/** A member of an organization (new one unless given) and an API key acting as them. */
export async function memberWithKey(
  platform: { db: Database; events: EventBus },
  opts: { role?: TRole; organizationId?: string } = {},
) {
  const actor = await seedMember(platform.db, opts);
  const { key } = await createApiKey({
    events: platform.events,
    actor,
    input: { name: 'collab', scopes: actor.orgRole === 'viewer' ? ['read'] : ['read', 'write'] },
  });
  return { actor, key };
}

/** A content item owned by `userId`, whose body is the document `content:<id>`. */
export async function contentDocument(db: Database, organizationId: string, userId: string): Promise<string> {
  const [row] = await db.orm
    .insert(contentItems)
    .values({ organizationId, userId, title: 'Doc', type: 'post' })
    .returning({ id: contentItems.id });
  return `content:${row!.id}`;
}

export type TClient = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  text: () => string;
  /** Resolves when the server has acknowledged every local change. */
  settled: () => Promise<void>;
  closeEvent: () => Promise<{ code: number; reason: string }>;
  destroy: () => void;
};

export function connect(
  baseUrl: string,
  name: string,
  token: string | null,
  /** Keep reconnecting (0 attempts = unlimited) instead of giving up after a refused first attempt. */
  opts: { reconnect?: boolean } = {},
): TClient {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: `${baseUrl.replace(/^http/, 'ws')}/api/v1/collab`,
    ...(opts.reconnect ? { maxAttempts: 0, delay: 50, minDelay: 50, maxDelay: 200 } : { maxAttempts: 1 }),
  });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token });
  // A provider given its socket does not attach itself.
  provider.attach();
  let closed: (e: { code: number; reason: string }) => void = () => {};
  const closedP = new Promise<{ code: number; reason: string }>((r) => {
    closed = r;
  });
  socket.on('close', ({ event }: { event: { code: number; reason: string } }) =>
    closed({ code: event.code, reason: event.reason }),
  );
  return {
    doc,
    provider,
    socket,
    text: () => doc.getText('body').toString(),
    settled: () => waitUntil(() => provider.isSynced && !provider.hasUnsyncedChanges, 'client to settle'),
    closeEvent: () => closedP,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Polls `check` every 20 ms until it holds or `timeoutMs` passes. */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
