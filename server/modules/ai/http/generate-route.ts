import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { ZGenerateBodySchema, ZGenerateResultSchema } from '../../../../contracts/ai.ts';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { errorResponses, json } from '../../../platform/http/index.ts';
import {
  assertCan,
  authorizeProject,
  type TActor,
  type TIdentityEnv,
  type TRouters,
} from '../../identity/index.ts';
import { generationQuotaHeaders } from '../pipeline/generation-quota.ts';
import type { TAiGateway, TCallContext, TStreamEvent } from '../types.ts';
import { toGenerateRequest } from './to-generate-request.ts';

const generate = createRoute({
  method: 'post',
  path: '/ai/generate',
  tags: ['ai'],
  summary: 'Generate with a model or a named route; `stream: true` answers as server-sent events',
  description:
    'Events when streaming: start, text-delta, tool-call, then exactly one of finish (the full result) or ' +
    'error (the upstream broke after the answer had begun; never a clean end).',
  'x-permission': 'ai:generate',
  request: { body: { required: true, ...json(ZGenerateBodySchema) } },
  responses: {
    200: {
      description: 'The answer (JSON), or its stream (text/event-stream)',
      content: {
        'application/json': { schema: ZGenerateResultSchema },
        'text/event-stream': { schema: { type: 'string' } },
      },
    },
    ...errorResponses([400, 401, 403, 404, 429, 502, 503]),
  },
});

/**
 * A call billed to a project must name one of the actor's organization (RESOURCE_NOT_FOUND otherwise, the same
 * for another tenant's id as for an unknown one), checked before any spending: a foreign id used to fail only
 * at the usage insert, leaving the call answered but unrecorded and uncharged. The project is the permission's
 * resource, so the actor's role in that project counts.
 */
async function authorizeGeneration(db: Database, actor: TActor, projectId: string | undefined) {
  if (!projectId) {
    assertCan(actor, 'ai:generate', { organizationId: actor.organizationId });
    return;
  }
  await withTenant(db, actor.organizationId, (tx) =>
    authorizeProject({ on: tx, actor, projectId, action: 'ai:generate' }),
  );
}

/** POST /ai/generate over the gateway pipeline. */
export function generateRoutes({
  gateway,
  routers,
  db,
}: {
  gateway: TAiGateway;
  routers: TRouters;
  db: Database;
}): OpenAPIHono<TIdentityEnv> {
  return routers.member().openapi(generate, async (c) => {
    const actor = c.get('actor');
    const body = c.req.valid('json');
    await authorizeGeneration(db, actor, body.projectId);
    const ctx: TCallContext = {
      organizationId: actor.organizationId,
      userId: actor.userId,
      ...(body.projectId ? { projectId: body.projectId } : {}),
      ...(actor.apiKeyId ? { apiKeyId: actor.apiKeyId } : {}),
      signal: c.req.raw.signal,
      // Quotas warn before they bite: where the hourly generation quota stands, on the answer (or stream).
      onQuota: (quota) => {
        for (const [name, value] of Object.entries(generationQuotaHeaders(quota))) c.header(name, value);
      },
    };
    const request = toGenerateRequest(body);
    if (!body.stream) return c.json(await gateway.generate(ctx, request), 200);
    // The first event is awaited before the response starts: a call refused or failed before any output
    // still gets its status code and the error envelope instead of a 200 stream.
    const events = (await gateway.stream(ctx, request))[Symbol.asyncIterator]();
    const first = await events.next();
    return streamSSE(c, async (sse) => {
      const write = (e: TStreamEvent) => sse.writeSSE({ event: e.type, data: JSON.stringify(e) });
      if (!first.done) await write(first.value);
      for (let next = await events.next(); !next.done; next = await events.next()) {
        if (sse.aborted) break;
        await write(next.value);
      }
      await events.return?.();
    }) as never;
  });
}
