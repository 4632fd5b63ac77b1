import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  contentDocument,
  memberWithKey,
  type TClient,
  waitUntil,
} from '../../../testing/collab.test-kit.ts';
import { startTestServer, type TestServer } from '../../../testing/test-server.ts';
import { collabDocuments, collabUpdates } from '../schema.ts';

let server: TestServer;
const clients: TClient[] = [];
const open = (name: string, token: string | null) => {
  const c = connect(server.url, name, token);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.stop();
});

describe('collaboration endpoint', () => {
  it('two clients edit one document, converge, and every update is stored', async () => {
    const { actor, key } = await memberWithKey(server.platform);
    const name = await contentDocument(server.platform.db, actor.organizationId, actor.userId);
    const a = open(name, key);
    const b = open(name, key);
    await Promise.all([a.settled(), b.settled()]);
    a.doc.getText('body').insert(0, 'hello ');
    b.doc.getText('body').insert(0, 'world ');
    await waitUntil(() => a.text().length === 12 && a.text() === b.text(), 'convergence');
    await Promise.all([a.settled(), b.settled()]);
    const [doc] = await server.platform.db.orm
      .select()
      .from(collabDocuments)
      .where(eq(collabDocuments.name, name));
    const rows = await server.platform.db.orm
      .select()
      .from(collabUpdates)
      .where(eq(collabUpdates.documentId, doc!.id));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.userId === actor.userId)).toBe(true);
  });

  it('refuses a connection without credentials with 4401', async () => {
    const { actor } = await memberWithKey(server.platform);
    const name = await contentDocument(server.platform.db, actor.organizationId, actor.userId);
    const c = open(name, null);
    expect(await c.closeEvent()).toEqual({ code: 4401, reason: 'authentication-required' });
  });

  it('refuses a bad token with 4401', async () => {
    const { actor } = await memberWithKey(server.platform);
    const name = await contentDocument(server.platform.db, actor.organizationId, actor.userId);
    const c = open(name, 'ff_not-a-real-key');
    expect((await c.closeEvent()).code).toBe(4401);
  });

  it("answers another organization's document and an unknown one alike, 4403 document-not-found", async () => {
    const owner = await memberWithKey(server.platform);
    const stranger = await memberWithKey(server.platform);
    const theirs = await contentDocument(server.platform.db, owner.actor.organizationId, owner.actor.userId);
    for (const name of [theirs, `content:${crypto.randomUUID()}`, 'nonsense', 'file:x:../etc']) {
      const c = open(name, stranger.key);
      expect(await c.closeEvent()).toEqual({ code: 4403, reason: 'document-not-found' });
    }
  });

  it('gives a viewer a read-only connection: its edits are refused and the document is unchanged', async () => {
    const owner = await memberWithKey(server.platform);
    const viewer = await memberWithKey(server.platform, {
      role: 'viewer',
      organizationId: owner.actor.organizationId,
    });
    const name = await contentDocument(server.platform.db, owner.actor.organizationId, owner.actor.userId);
    const writer = open(name, owner.key);
    await writer.settled();
    writer.doc.getText('body').insert(0, 'original');
    await writer.settled();
    const reader = open(name, viewer.key);
    await waitUntil(() => reader.text() === 'original', 'viewer to receive the document');
    reader.doc.getText('body').insert(0, 'VANDAL ');
    // The server answers the viewer's update with a negative sync status and applies nothing.
    await new Promise((r) => setTimeout(r, 600));
    expect(writer.text()).toBe('original');
    const live = server.collab!.hocuspocus.documents.get(name)!;
    expect(live.getText('body').toString()).toBe('original');
    const [doc] = await server.platform.db.orm
      .select()
      .from(collabDocuments)
      .where(eq(collabDocuments.name, name));
    const rows = await server.platform.db.orm
      .select()
      .from(collabUpdates)
      .where(eq(collabUpdates.documentId, doc!.id));
    expect(rows.every((r) => r.userId === owner.actor.userId)).toBe(true);
  });

  it('refuses WebSocket upgrades on other paths', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/other`);
    const outcome = await new Promise<string>((resolve) => {
      ws.onopen = () => resolve('open');
      ws.onerror = () => resolve('error');
    });
    expect(outcome).toBe('error');
  });
});
