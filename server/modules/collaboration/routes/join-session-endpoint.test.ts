// The join token against the real collaboration endpoint (the core's authentication, on a real FlashFusion
// server): what the join call hands out is what the WebSocket accepts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type TClient, waitUntil } from '../../../testing/collab.test-kit.ts';
import { startTestServer, type TestServer } from '../../../testing/test-server.ts';
import { seedMember } from '../../identity/identity.test-kit.ts';
import { createProject } from '../../identity/projects/index.ts';
import { joinSession } from './join-session.ts';

let server: TestServer;
const clients: TClient[] = [];
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.stop();
});

describe('join token on the collaboration endpoint', () => {
  it('opens a project file with the token from the join call; edits from it are stored and shared', async () => {
    const { db, events, keyring, env } = server.platform;
    const owner = await seedMember(db, { role: 'designer' });
    const project = await createProject({ events, actor: owner, input: { name: 'Site', type: 'web-app' } });
    const session = await joinSession({
      db,
      keyring,
      publicUrl: env.PUBLIC_URL,
      actor: owner,
      projectId: project.id,
      participantsOf: () => [],
    });
    expect(session.websocketUrl).toBe(`${server.url.replace(/^http/, 'ws')}/api/v1/collab`);
    const name = `file:${project.id}:README.md`;
    const a = connect(server.url, name, session.token);
    const b = connect(server.url, name, session.token);
    clients.push(a, b);
    await Promise.all([a.settled(), b.settled()]);
    a.doc.getText('body').insert(0, 'hello');
    await waitUntil(() => b.text() === 'hello', 'the edit to reach the other client');
  });

  it('is refused with a tampered token', async () => {
    const { db, events, keyring, env } = server.platform;
    const owner = await seedMember(db, { role: 'designer' });
    const project = await createProject({ events, actor: owner, input: { name: 'Site', type: 'web-app' } });
    const { token } = await joinSession({
      db,
      keyring,
      publicUrl: env.PUBLIC_URL,
      actor: owner,
      projectId: project.id,
      participantsOf: () => [],
    });
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    const c = connect(server.url, `file:${project.id}:README.md`, tampered);
    clients.push(c);
    const closed = await c.closeEvent();
    expect(closed.code).toBeGreaterThanOrEqual(4000);
    expect(c.text()).toBe('');
  });
});
