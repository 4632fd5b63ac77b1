import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '../../../platform/db/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import type { TIdentityEnv, TRouters } from '../../identity/index.ts';
import * as op from './agent-openapi.ts';
import { createAgent } from './create-agent.ts';
import { deleteAgent } from './delete-agent.ts';
import { getAgent } from './get-agent.ts';
import { listAgents } from './list-agents.ts';
import { updateAgent } from './update-agent.ts';

/** What the agent routes need; read on each request, so getters may supply them late. */
export type TAgentRouteDeps = { db: Database; events: EventBus; routers: TRouters };

/** /agents, /agents/{id} and /agents/{id}/performance. */
export function agentRoutes(deps: TAgentRouteDeps): OpenAPIHono<TIdentityEnv> {
  return deps.routers
    .member()
    .openapi(op.listOp, async (c) => {
      const page = await listAgents({
        db: deps.db,
        events: deps.events,
        actor: c.get('actor'),
        query: c.req.valid('query'),
      });
      return c.json(page, 200);
    })
    .openapi(op.createOp, async (c) =>
      c.json(
        await createAgent({ events: deps.events, actor: c.get('actor'), input: c.req.valid('json') }),
        201,
      ),
    )
    .openapi(op.getOp, async (c) => {
      const agent = await getAgent({
        db: deps.db,
        events: deps.events,
        actor: c.get('actor'),
        agentId: c.req.valid('param').id,
      });
      return c.json(agent, 200);
    })
    .openapi(op.updateOp, async (c) => {
      const agent = await updateAgent({
        db: deps.db,
        events: deps.events,
        actor: c.get('actor'),
        agentId: c.req.valid('param').id,
        input: c.req.valid('json'),
      });
      return c.json(agent, 200);
    })
    .openapi(op.deleteOp, async (c) => {
      await deleteAgent({ events: deps.events, actor: c.get('actor'), agentId: c.req.valid('param').id });
      return c.body(null, 204);
    })
    .openapi(op.performanceOp, async (c) => {
      const { since } = c.req.valid('query');
      const agent = await getAgent({
        db: deps.db,
        events: deps.events,
        actor: c.get('actor'),
        agentId: c.req.valid('param').id,
        since: since ? new Date(since) : undefined,
      });
      return c.json({ agentId: agent.id, status: agent.status, since: since ?? null, ...agent.metrics }, 200);
    });
}
