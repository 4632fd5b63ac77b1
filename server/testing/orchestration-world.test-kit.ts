// Test helpers for the orchestration routes through a real server: owner, developer, viewer of one
// organization and an owner of another, each with an API key. Tests only.
import { call, memberWithKey, startTestServer, type TestServer, type TMember } from './api.test-kit.ts';
import { agentRoutes } from '../modules/orchestration/agents/agent-routes.ts';
import { workflowRoutes } from '../modules/orchestration/workflows/workflow-routes.ts';

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

/** A server with the workflow and agent routes mounted, and four members. */
export async function startOrchestrationWorld(): Promise<TOrchestrationWorld> {
  const s: TestServer = await startTestServer({
    extraApiRoutes: (api) => {
      const deps = {
        get db() {
          return s.platform.db;
        },
        get events() {
          return s.platform.events;
        },
      };
      api.route('/', workflowRoutes(deps) as never);
      api.route('/', agentRoutes(deps) as never);
    },
  });
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
