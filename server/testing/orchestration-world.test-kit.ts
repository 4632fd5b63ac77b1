// Test helpers for the orchestration routes through a real server: owner, developer, viewer of one
// organization and an owner of another, each with an API key. Tests only.
import { call, memberWithKey, startTestServer, type TestServer, type TMember } from './api.test-kit.ts';

export type TOrchestrationWorld = {
  s: TestServer;
  owner: TMember;
  developer: TMember;
  viewer: TMember;
  stranger: TMember;
  api: (
    who: TMember | null,
    method: string,
    path: string,
    body?: unknown,
    raw?: boolean,
  ) => ReturnType<typeof call>;
};

/** A server (the workflow and agent routes are the app's own) and four members. */
export async function startOrchestrationWorld(): Promise<TOrchestrationWorld> {
  const s: TestServer = await startTestServer();
  const owner = await memberWithKey(s);
  const developer = await memberWithKey(s, {
    role: 'developer',
    organizationId: owner.organizationId,
    scopes: ['write'],
  });
  const viewer = await memberWithKey(s, {
    role: 'viewer',
    organizationId: owner.organizationId,
    scopes: ['read'],
  });
  const stranger = await memberWithKey(s);
  return {
    s,
    owner,
    developer,
    viewer,
    stranger,
    api: (who, method, path, body, raw) => call(s, who, method, `/api/v1${path}`, body, raw),
  };
}
