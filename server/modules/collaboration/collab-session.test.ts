// The collaboration module end to end on a real started FlashFusion server (startServer, what `npm start`
// runs): the join call over HTTP, its token on the WebSocket endpoint, presence between two members of a
// project, voice signalling relayed between them, and outsiders refused at every step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberWithKey } from '../../testing/collab.test-kit.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';
import { createApiKey } from '../identity/api-keys/create-api-key.ts';
import { seedMember } from '../identity/identity.test-kit.ts';
import { projectMembers, projects } from '../identity/schema.ts';
import { connectClient, eventually } from './presence/plain-collab.test-kit.ts';
import { colorForUser } from './presence/user-color.ts';
import type { TVoiceServerMessage } from './voice/messages.ts';

let s: TestServer;
const cleanups: (() => unknown)[] = [];
beforeAll(async () => {
  s = await startTestServer();
}, 60_000);
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await s?.stop();
});

type TMember = Awaited<ReturnType<typeof memberWithKey>>;
type TClient = Awaited<ReturnType<typeof connectClient>>;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely; the assertions are the check
async function api(key: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${s.url}/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  return { status: res.status, body: await res.json() };
}

async function projectOf(owner: Pick<TMember, 'actor'>, members: TMember[] = []): Promise<string> {
  const [p] = await s.platform.db.orm
    .insert(projects)
    .values({
      organizationId: owner.actor.organizationId,
      ownerId: owner.actor.userId,
      name: 'P',
      type: 'web',
    })
    .returning();
  for (const m of members) {
    await s.platform.db.orm
      .insert(projectMembers)
      .values({ projectId: p!.id, userId: m.actor.userId, role: 'editor' });
  }
  return p!.id;
}

async function joinAndConnect(member: TMember, projectId: string): Promise<TClient> {
  const joined = await api(member.key, `/collaboration/sessions/${projectId}/join`);
  expect(joined.status).toBe(200);
  const c = await connectClient(joined.body.websocketUrl, joined.body.sessionId, joined.body.token);
  cleanups.push(c.close);
  return c;
}

const voice = (c: TClient) => c.received.map((p) => JSON.parse(p) as TVoiceServerMessage);
const nextVoice = (c: TClient, type: TVoiceServerMessage['type']) =>
  eventually(() => voice(c).find((m) => m.type === type), 5000);
const say = (c: TClient, message: unknown) => c.provider.sendStateless(JSON.stringify(message));

describe('a project collaboration session on a real server', () => {
  let ada: TMember;
  let bob: TMember;
  let projectId: string;
  beforeAll(async () => {
    ada = await memberWithKey(s.platform, { role: 'designer' });
    bob = await memberWithKey(s.platform, { role: 'client', organizationId: ada.actor.organizationId });
    projectId = await projectOf(ada, [bob]);
  });

  it('joins over HTTP, connects with the token and shows each other’s stamped awareness', async () => {
    const joined = await api(ada.key, `/collaboration/sessions/${projectId}/join`);
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({
      sessionId: `project:${projectId}`,
      websocketUrl: `${s.url.replace(/^http/, 'ws')}/api/v1/collab`,
      token: expect.any(String),
      readOnly: false,
    });
    const a = await connectClient(joined.body.websocketUrl, joined.body.sessionId, joined.body.token);
    cleanups.push(a.close);
    // Ada claims to be someone else: the server stamps her identity over the claim.
    a.provider.setAwarenessField('user', { id: bob.actor.userId, name: 'Not Ada', color: '#000000' });
    a.provider.setAwarenessField('cursor', { line: 4, column: 2 });
    a.provider.setAwarenessField('activeFile', 'src/app.ts');
    await eventually(() => (s.collab!.participantsOfProject(projectId).length === 1 ? true : undefined));

    const b = await joinAndConnect(bob, projectId);
    const adaSeenByBob = await eventually(() =>
      [...b.provider.awareness!.getStates().values()].find((st) => st.activeFile === 'src/app.ts'),
    );
    expect(adaSeenByBob).toEqual({
      user: { id: ada.actor.userId, name: ada.actor.email, color: colorForUser(ada.actor.userId) },
      cursor: { line: 4, column: 2 },
      activeFile: 'src/app.ts',
    });

    // The join call lists who is already there, from the server's awareness.
    const again = await api(bob.key, `/collaboration/sessions/${projectId}/join`);
    expect(again.body.participants).toContainEqual({
      userId: ada.actor.userId,
      name: ada.actor.email,
      color: colorForUser(ada.actor.userId),
      cursor: { line: 4, column: 2 },
      activeFile: 'src/app.ts',
    });
  });

  it('keeps the room read-only and out of the database: a client’s write to it is not applied', async () => {
    const c = await joinAndConnect(ada, projectId);
    c.provider.document.getText('body').insert(0, 'not here');
    await new Promise((r) => setTimeout(r, 600));
    expect(s.collab!.hocuspocus.documents.get(`project:${projectId}`)?.getText('body').toString()).toBe('');
  });

  it('relays voice_start, offer, answer, ICE and leave between two members of the project', async () => {
    const a = await joinAndConnect(ada, projectId);
    const b = await joinAndConnect(bob, projectId);
    say(a, { type: 'voice_start' });
    const aRoster = await nextVoice(a, 'voice_peers');
    say(b, { type: 'voice_start' });
    const bRoster = await nextVoice(b, 'voice_peers');
    if (aRoster.type !== 'voice_peers' || bRoster.type !== 'voice_peers') throw new Error('unreachable');
    expect(bRoster.peers).toContainEqual({ peerId: aRoster.self, userId: ada.actor.userId });
    expect(await nextVoice(a, 'voice_joined')).toEqual({
      type: 'voice_joined',
      peer: { peerId: bRoster.self, userId: bob.actor.userId },
    });

    say(b, { type: 'offer', to: aRoster.self, sdp: 'v=0 offer' });
    expect(await nextVoice(a, 'offer')).toEqual({
      type: 'offer',
      from: bRoster.self,
      fromUserId: bob.actor.userId,
      sdp: 'v=0 offer',
    });
    say(a, { type: 'answer', to: bRoster.self, sdp: 'v=0 answer' });
    expect(await nextVoice(b, 'answer')).toMatchObject({ from: aRoster.self, sdp: 'v=0 answer' });
    const candidate = {
      candidate: 'candidate:1 1 udp 1 10.0.0.1 5000 typ host',
      sdpMid: '0',
      sdpMLineIndex: 0,
    };
    say(a, { type: 'ice_candidate', to: bRoster.self, candidate });
    expect(await nextVoice(b, 'ice_candidate')).toMatchObject({ from: aRoster.self, candidate });
    say(b, { type: 'leave' });
    expect(await nextVoice(a, 'voice_left')).toEqual({ type: 'voice_left', peerId: bRoster.self });
  });

  it('refuses a member of another tenant’s project at the join call and on the socket', async () => {
    const eve = await memberWithKey(s.platform, { role: 'owner' });
    const theirs = await projectOf(eve);
    const refused = await api(eve.key, `/collaboration/sessions/${projectId}/join`);
    expect(refused.status).toBe(404);
    expect(refused.body.error).toMatchObject({ code: 'RESOURCE_NOT_FOUND', requestId: expect.any(String) });
    // Her own session's token does not open Ada's room.
    const own = await api(eve.key, `/collaboration/sessions/${theirs}/join`);
    expect(own.status).toBe(200);
    await expect(
      connectClient(own.body.websocketUrl, `project:${projectId}`, own.body.token),
    ).rejects.toThrow('document-not-found');
    // And in her own room she cannot reach Ada's peers.
    const e = await connectClient(own.body.websocketUrl, own.body.sessionId, own.body.token);
    cleanups.push(e.close);
    say(e, { type: 'voice_start' });
    expect(await nextVoice(e, 'voice_peers')).toMatchObject({ peers: [] });
  });

  it('refuses the join call without credentials and for a malformed project id', async () => {
    const anonymous = await fetch(`${s.url}/api/v1/collaboration/sessions/${projectId}/join`, {
      method: 'POST',
    });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe(
      'AUTHENTICATION_FAILED',
    );
    const bad = await api(ada.key, '/collaboration/sessions/not-a-uuid/join');
    expect(bad.status).toBe(400);
  });
});

describe('collaboration invites on a real server', () => {
  it('mails the invite and lets a signed-in user with no organization accept it', async () => {
    // Sharing a project needs the `admin` scope of an API key.
    const actor = await seedMember(s.platform.db, { role: 'owner' });
    const { key } = await createApiKey({
      events: s.platform.events,
      actor,
      input: { name: 'share', scopes: ['read', 'write', 'admin'] },
    });
    const owner = { actor, key };
    const projectId = await projectOf(owner);
    const email = `inv-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const invited = await api(owner.key, '/collaboration/invites', { projectId, email, role: 'editor' });
    expect(invited.status).toBe(201);
    const { listOutbox } = await import('../../platform/mail/index.ts');
    const mail = await listOutbox(s.platform.db, {
      to: email,
      kind: 'collaboration_invitation',
      limit: 1,
      offset: 0,
    });
    const token = mail.rows[0]?.textBody.match(/\/invitations\/accept\?token=([A-Za-z0-9_-]+)/)?.[1];
    expect(token).toBeTruthy();

    // The invitee signs up (a user with no organization yet) and accepts with the session cookie.
    const cookie = await signUp(email);
    const accepted = await fetch(`${s.url}/api/v1/collaboration/invites/accept`, {
      method: 'POST',
      headers: { cookie, origin: s.url, 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({
      organizationId: owner.actor.organizationId,
      projectId,
      role: 'editor',
    });
  });
});

/** A new user signed up and signed in through the API; returns their session cookie. */
async function signUp(email: string): Promise<string> {
  const { listOutbox } = await import('../../platform/mail/index.ts');
  const password = 'collab password 1';
  const post = (path: string, body: unknown) =>
    fetch(`${s.url}/api/v1${path}`, {
      method: 'POST',
      headers: { origin: s.url, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  expect((await post('/auth/sign-up/email', { email, password, name: 'Invitee' })).status).toBe(200);
  const { rows } = await listOutbox(s.platform.db, { to: email, limit: 5, offset: 0 });
  const verify = rows.map((r) => r.textBody.match(/https?:\/\/\S+verify\S*/)?.[0]).find(Boolean);
  if (verify) await fetch(verify, { redirect: 'manual' });
  const signIn = await post('/auth/sign-in/email', { email, password });
  expect(signIn.status).toBe(200);
  return (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
