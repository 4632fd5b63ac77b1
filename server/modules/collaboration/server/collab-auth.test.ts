import { createRequire } from 'node:module';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutbox } from '../../../platform/mail/index.ts';
import { contentDocument } from '../../../testing/collab.test-kit.ts';
import { startTestServer, type TestServer } from '../../../testing/test-server.ts';
import { seedMember } from '../../identity/identity.test-kit.ts';
import {
  organizationMembers,
  organizations,
  projectMembers,
  projects,
  users,
} from '../../identity/schema.ts';
import { workflows } from '../../orchestration/schema.ts';
import { authorizeDocument } from './authorize-document.ts';

// ws as a client: unlike the global WebSocket it can send a Cookie and any Origin, as a browser page would.
type TWsClient = {
  binaryType: string;
  on(e: 'open', cb: () => void): void;
  on(e: 'message', cb: (d: ArrayBuffer) => void): void;
  on(e: 'close', cb: (code: number, reason: Buffer) => void): void;
  send(d: Uint8Array): void;
  close(): void;
};
const WsClient = createRequire(import.meta.url)('ws') as new (
  url: string,
  opts: { headers: Record<string, string> },
) => TWsClient;

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
}, 60_000);
afterAll(() => s?.stop());

async function sessionCookie(): Promise<{ cookie: string; userId: string; organizationId: string }> {
  const email = `collab-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const password = 'collab password 1';
  const post = (path: string, body: unknown) =>
    fetch(`${s.url}${path}`, {
      method: 'POST',
      headers: { origin: s.url, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  expect((await post('/api/v1/auth/sign-up/email', { email, password, name: 'C' })).status).toBe(200);
  const { rows } = await listOutbox(s.platform.db, { to: email, limit: 1, offset: 0 });
  await fetch(new URL(rows[0]?.textBody.match(/https?:\/\/\S+/)?.[0] ?? ''), { redirect: 'manual' });
  const signIn = await post('/api/v1/auth/sign-in/email', { email, password });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { eq } = await import('drizzle-orm');
  const [user] = await s.platform.db.orm.select().from(users).where(eq(users.email, email));
  const slug = `org-${crypto.randomUUID().slice(0, 8)}`;
  const [org] = await s.platform.db.orm.insert(organizations).values({ name: slug, slug }).returning();
  await s.platform.db.orm
    .insert(organizationMembers)
    .values({ organizationId: org!.id, userId: user!.id, role: 'owner' });
  return { cookie, userId: user!.id, organizationId: org!.id };
}

/** Opens a raw Hocuspocus-framed socket with these headers; resolves with the first answer or the close. */
function tryOpen(name: string, headers: Record<string, string>) {
  return new Promise<string>((resolve) => {
    const ws = new WsClient(`${s.url.replace('http', 'ws')}/api/v1/collab`, { headers });
    ws.binaryType = 'arraybuffer';
    ws.on('open', () => {
      const e = encoding.createEncoder();
      encoding.writeVarString(e, name);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint(e, 0);
      encoding.writeVarString(e, '');
      ws.send(encoding.toUint8Array(e));
    });
    ws.on('message', (data) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      decoding.readVarString(d);
      if (decoding.readVarUint(d) !== 2) return;
      if (decoding.readVarUint(d) === 2) {
        resolve(`authenticated:${decoding.readVarString(d)}`);
        ws.close();
      }
    });
    ws.on('close', (code, reason) => resolve(`closed:${code}:${reason.toString()}`));
  });
}

describe('collaboration authentication and authorization', () => {
  it('accepts the session cookie only with a trusted Origin', async () => {
    const { cookie, userId, organizationId } = await sessionCookie();
    const name = await contentDocument(s.platform.db, organizationId, userId);
    expect(await tryOpen(name, { cookie, origin: s.url })).toBe('authenticated:read-write');
    expect(await tryOpen(name, { cookie, origin: 'https://evil.example' })).toBe(
      'closed:4401:authentication-required',
    );
    expect(await tryOpen(name, { cookie })).toBe('closed:4401:authentication-required');
  });

  it('accepts an API key in the Authorization header', async () => {
    const { memberWithKey } = await import('../../../testing/collab.test-kit.ts');
    const { actor, key } = await memberWithKey(s.platform);
    const name = await contentDocument(s.platform.db, actor.organizationId, actor.userId);
    expect(await tryOpen(name, { authorization: `Bearer ${key}` })).toBe('authenticated:read-write');
    expect(await tryOpen(name, { authorization: 'Bearer ff_revoked' })).toBe('closed:4401:invalid-token');
  });

  it('authorizes project files by project membership and workflows by role', async () => {
    const db = s.platform.db;
    const owner = await seedMember(db);
    const orgViewer = await seedMember(db, { role: 'viewer', organizationId: owner.organizationId });
    const editor = await seedMember(db, { role: 'viewer', organizationId: owner.organizationId });
    const stranger = await seedMember(db);
    const [project] = await db.orm
      .insert(projects)
      .values({ organizationId: owner.organizationId, ownerId: owner.userId, name: 'P', type: 'web' })
      .returning();
    await db.orm
      .insert(projectMembers)
      .values({ projectId: project!.id, userId: editor.userId, role: 'editor' });
    const file = `file:${project!.id}:src/index.ts`;
    expect((await authorizeDocument(db, owner, file)).readOnly).toBe(false);
    // An organization viewer edits the project they are an editor of, and only reads it otherwise.
    expect((await authorizeDocument(db, editor, file)).readOnly).toBe(false);
    expect((await authorizeDocument(db, orgViewer, file)).readOnly).toBe(true);
    await expect(authorizeDocument(db, stranger, file)).rejects.toMatchObject({
      code: 4403,
      reason: 'document-not-found',
    });

    const [wf] = await db.orm
      .insert(workflows)
      .values({ organizationId: owner.organizationId, name: 'W', createdBy: owner.userId })
      .returning();
    expect((await authorizeDocument(db, owner, `workflow:${wf!.id}`)).readOnly).toBe(false);
    expect((await authorizeDocument(db, orgViewer, `workflow:${wf!.id}`)).readOnly).toBe(true);
    await expect(authorizeDocument(db, stranger, `workflow:${wf!.id}`)).rejects.toMatchObject({ code: 4403 });
  });
});
