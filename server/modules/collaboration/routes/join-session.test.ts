import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollabRoutesHarness } from '../../../testing/collab-routes.test-kit.ts';
import { seedMember } from '../../identity/identity.test-kit.ts';
import type { TActorContext } from '../../identity/index.ts';
import { verifyAccessToken } from '../../identity/tokens/index.ts';
import { connectClient, eventually, startPlainCollab } from '../presence/plain-collab.test-kit.ts';
import { presenceExtension } from '../presence/presence-extension.ts';
import { participantsOfProject } from '../presence/project-participants.ts';
import { colorForUser } from '../presence/user-color.ts';
import { projectRoomName } from '../voice/room-name.ts';
import { COLLAB_TOKEN_TTL_SECONDS } from './mint-collab-token.ts';
import { collabWebsocketUrl } from './websocket-url.ts';

describe('POST /api/v1/collaboration/sessions/{projectId}/join', () => {
  let h: Awaited<ReturnType<typeof createCollabRoutesHarness>>;
  let creator: TActorContext; // designer: owns the project they create
  let viewer: TActorContext; // organization viewer, not a project member
  let client: TActorContext; // organization client added to the project as editor
  let outsider: TActorContext; // owner of another organization
  let projectId: string;
  const join = (actor: TActorContext, id = projectId) =>
    h.call(actor, 'POST', `/collaboration/sessions/${id}/join`);

  beforeAll(async () => {
    h = await createCollabRoutesHarness();
    creator = await seedMember(h.db, { role: 'designer' });
    const organizationId = creator.organizationId;
    viewer = await seedMember(h.db, { role: 'viewer', organizationId });
    client = await seedMember(h.db, { role: 'client', organizationId });
    outsider = await seedMember(h.db, { role: 'owner' });
    projectId = (await h.callProjects(creator, 'POST', '/projects', { name: 'Site', type: 'web-app' })).body
      .id;
    const added = await h.callProjects(creator, 'POST', `/projects/${projectId}/members`, {
      userId: client.userId,
      role: 'editor',
    });
    expect(added.status).toBe(201);
  });
  afterAll(() => h.close());

  it('answers the session, the endpoint, a verifiable short-lived token and the participants', async () => {
    const res = await join(creator);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      sessionId: `project:${projectId}`,
      websocketUrl: 'wss://app.example.test/api/v1/collab',
      expiresIn: COLLAB_TOKEN_TTL_SECONDS,
      readOnly: false,
      participants: [],
    });
    const claims = await verifyAccessToken({ db: h.db, token: res.body.token });
    expect(claims).toMatchObject({ sub: creator.userId, org: creator.organizationId, role: 'designer' });
    expect(claims.exp - claims.iat).toBe(COLLAB_TOKEN_TTL_SECONDS);
  });

  it('is read-only for an organization viewer and editable for a project editor', async () => {
    expect((await join(viewer)).body.readOnly).toBe(true);
    expect((await join(client)).body.readOnly).toBe(false);
  });

  it('gives an API-key caller a token with no more than the key’s scopes', async () => {
    const res = await join({ ...viewer, authMethod: 'api_key', apiKeyScopes: ['read'] });
    expect(res.status).toBe(200);
    expect((await verifyAccessToken({ db: h.db, token: res.body.token })).scope).toEqual(['read']);
  });

  it('answers 404 for another tenant’s project and an unknown one, 400 for a malformed id', async () => {
    for (const [actor, id] of [
      [outsider, projectId],
      [creator, randomUUID()],
    ] as const) {
      const res = await join(actor, id);
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'RESOURCE_NOT_FOUND', requestId: expect.any(String) });
    }
    const bad = await join(creator, 'not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_ERROR');
  });

  it('lists who is connected to the project room, with stamped identities', async () => {
    const room = projectRoomName(projectId);
    const collab = await startPlainCollab({
      users: { tv: { userId: viewer.userId, name: 'Vera', projectIds: [projectId] } },
      extensions: [
        presenceExtension({
          userIdOf: (ctx) => (ctx as { user: { userId: string } }).user.userId,
          nameOf: async () => 'Vera',
        }),
      ],
    });
    h.holder.participantsOf = (id) => participantsOfProject(collab.hocuspocus, id);
    const vera = await connectClient(collab.url, room, 'tv');
    try {
      vera.provider.setAwarenessField('user', { id: 'spoofed', name: 'x', color: 'y' });
      vera.provider.setAwarenessField('activeFile', 'index.html');
      await eventually(() => (participantsOfProject(collab.hocuspocus, projectId).length ? true : undefined));
      const res = await join(creator);
      expect(res.body.participants).toEqual([
        { userId: viewer.userId, name: 'Vera', color: colorForUser(viewer.userId), activeFile: 'index.html' },
      ]);
    } finally {
      vera.close();
      h.holder.participantsOf = () => [];
      await collab.close();
    }
  });
});

describe('collabWebsocketUrl', () => {
  it('maps http to ws and https to wss, keeping a path prefix', () => {
    expect(collabWebsocketUrl('http://localhost:3000')).toBe('ws://localhost:3000/api/v1/collab');
    expect(collabWebsocketUrl('https://x.example/ff/')).toBe('wss://x.example/ff/api/v1/collab');
  });
});
