import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, memberWithKey } from '../../../testing/api.test-kit.ts';
import { startTestServer, type TestServer } from '../../../testing/test-server.ts';
import { seedMember } from '../identity.test-kit.ts';
import { mintAccessToken } from './mint-access-token.ts';

// A JWT names the role its holder had when it was minted; it used to carry those rights until it expired, after
// a demotion or removal too (issue 13, finding 4). Membership is now read (cached, dropped on change) per request.
describe('JWT access after a membership change', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.stop());

  const jwtFor = (actor: Awaited<ReturnType<typeof seedMember>>) =>
    mintAccessToken({
      db: s.platform.db,
      keyring: s.platform.keyring,
      actor: { ...actor, authMethod: 'session' },
      ttlSeconds: 900,
    });
  const createProject = (token: string, name: string) =>
    call(s, { key: token }, 'POST', '/api/v1/projects', { name, type: 'other' });

  it('a demoted member’s next JWT request has the new role’s rights', async () => {
    const owner = await memberWithKey(s);
    const dev = await seedMember(s.platform.db, { role: 'developer', organizationId: owner.organizationId });
    const token = await jwtFor(dev);
    expect((await createProject(token, 'before')).status).toBe(201);
    const demoted = await call(
      s,
      owner,
      'PATCH',
      `/api/v1/organizations/${owner.organizationId}/members/${dev.userId}`,
      { role: 'viewer' },
    );
    expect(demoted.status, demoted.text).toBe(200);
    const after = await createProject(token, 'after');
    expect(after.status, after.text).toBe(403);
    // Reading is still a viewer's right.
    expect((await call(s, { key: token }, 'GET', '/api/v1/projects')).status).toBe(200);
  });

  it('a removed member’s JWT stops working at once', async () => {
    const owner = await memberWithKey(s);
    const dev = await seedMember(s.platform.db, { role: 'developer', organizationId: owner.organizationId });
    const token = await jwtFor(dev);
    expect((await call(s, { key: token }, 'GET', '/api/v1/projects')).status).toBe(200);
    const removed = await call(
      s,
      owner,
      'DELETE',
      `/api/v1/organizations/${owner.organizationId}/members/${dev.userId}`,
    );
    expect(removed.status, removed.text).toBe(204);
    const after = await call(s, { key: token }, 'GET', '/api/v1/projects');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('AUTHENTICATION_FAILED');
  });
});
