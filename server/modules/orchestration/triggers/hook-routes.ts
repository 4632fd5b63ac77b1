import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { isUuid } from '../../../../contracts/ids.ts';
import type { Database } from '../../../platform/db/index.ts';
import { AppError, errorResponses, type TAppEnv } from '../../../platform/http/index.ts';
import type { TRouters } from '../../identity/index.ts';
import type { TEngine } from '../engine/create-engine.ts';
import { workflowTriggers } from '../schema.ts';
import { secretMatches } from './trigger-secret.ts';

const hook = createRoute({
  method: 'post',
  path: '/hooks/workflows/{triggerId}',
  tags: ['triggers'],
  summary:
    'Start a run from a webhook; the JSON body is the input. Secret in X-FlashFusion-Secret or ?secret=',
  'x-permission': 'public',
  request: {
    params: z.object({ triggerId: z.string().max(64) }),
    query: z.object({ secret: z.string().max(200).optional() }),
    body: { required: false, content: { 'application/json': { schema: z.unknown() } } },
  },
  responses: {
    202: {
      description: 'Queued',
      content: { 'application/json': { schema: z.object({ runId: z.string() }) } },
    },
    ...errorResponses([400, 401, 404, 409]),
  },
});

// One answer for unknown trigger, wrong secret, disabled or non-webhook trigger: a caller probing ids learns nothing.
const refused = () => new AppError('AUTHENTICATION_FAILED', 'Unknown webhook or wrong secret');

/** POST /hooks/workflows/{triggerId}: outside member authentication; the trigger's secret is the credential. */
export function hookRoutes(deps: { db: Database; engine: TEngine; routers: TRouters }): OpenAPIHono<TAppEnv> {
  return deps.routers.public().openapi(hook, async (c) => {
    const { triggerId } = c.req.valid('param');
    const secret = c.req.header('x-flashfusion-secret') ?? c.req.valid('query').secret;
    if (!secret || !isUuid(triggerId)) throw refused();
    // Discovering the tenant from the trigger id is a platform lookup (owner role), like an API key by hash.
    const [trigger] = await deps.db.orm
      .select()
      .from(workflowTriggers)
      .where(eq(workflowTriggers.id, triggerId));
    if (trigger?.kind !== 'webhook' || !secretMatches(secret, trigger.secretHash)) throw refused();
    if (!trigger.enabled) throw new AppError('CONFLICT', 'This webhook trigger is disabled');
    const text = await c.req.text();
    let input: unknown = {};
    if (text.trim()) {
      try {
        input = JSON.parse(text);
      } catch {
        throw new AppError('VALIDATION_ERROR', 'The webhook body is not valid JSON', {
          details: [{ field: 'body', message: 'malformed JSON' }],
        });
      }
    }
    const { runId } = await deps.engine.startRun({
      organizationId: trigger.organizationId,
      workflowId: trigger.workflowId,
      input,
      trigger: 'webhook',
      createdBy: trigger.createdBy,
    });
    return c.json({ runId }, 202);
  });
}
