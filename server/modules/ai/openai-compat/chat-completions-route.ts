import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { errorResponses } from '../../../platform/http/index.ts';
import { assertCan, type TIdentityEnv, type TRouters } from '../../identity/index.ts';
import { generationQuotaHeaders } from '../pipeline/generation-quota.ts';
import type { TAiGateway, TCallContext, TStreamEvent } from '../types.ts';
import { ZChatCompletionBodySchema } from './chat-schemas.ts';
import { toGatewayRequest } from './to-gateway-request.ts';
import { gatewayHeaders, openAiFinishReason, openAiUsage, toChatCompletion, toChunk } from './to-openai.ts';

const chat = createRoute({
  method: 'post',
  path: '/chat/completions',
  tags: ['openai-compatible'],
  summary:
    'OpenAI-compatible chat completions (plain and `stream: true`), authenticated by a FlashFusion API key',
  description:
    '`model` is a model id of the catalogue or `route:<name>` for a named route. A stream that breaks after it ' +
    'began ends with a `data: {"error": …}` line and no `[DONE]`, which OpenAI clients raise as an error.',
  'x-permission': 'ai:generate',
  request: {
    body: { required: true, content: { 'application/json': { schema: ZChatCompletionBodySchema } } },
  },
  responses: {
    200: {
      description: 'A chat.completion object, or chat.completion.chunk events ending with [DONE]',
      content: {
        'application/json': { schema: z.looseObject({ id: z.string(), object: z.string() }) },
        'text/event-stream': { schema: { type: 'string' } },
      },
    },
    ...errorResponses([400, 401, 403, 404, 429, 502, 503]),
  },
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** POST /chat/completions of the OpenAI-compatible gateway (mounted at /v1). */
export function chatCompletionsRoute({
  gateway,
  routers,
}: {
  gateway: TAiGateway;
  routers: TRouters;
}): OpenAPIHono<TIdentityEnv> {
  return routers.member().openapi(chat, async (c) => {
    const actor = c.get('actor');
    assertCan(actor, 'ai:generate', { organizationId: actor.organizationId });
    const body = c.req.valid('json');
    const ctx: TCallContext = {
      organizationId: actor.organizationId,
      userId: actor.userId,
      ...(actor.apiKeyId ? { apiKeyId: actor.apiKeyId } : {}),
      signal: c.req.raw.signal,
      onQuota: (quota) => {
        for (const [name, value] of Object.entries(generationQuotaHeaders(quota))) c.header(name, value);
      },
    };
    const request = toGatewayRequest(body);
    const created = nowSeconds();
    if (!body.stream) {
      const result = await gateway.generate(ctx, request);
      return c.json(toChatCompletion(result, created), 200, gatewayHeaders(result));
    }
    const events = (await gateway.stream(ctx, request))[Symbol.asyncIterator]();
    // Awaited before the response starts, so a call that fails before any output keeps its status code.
    const first = await events.next();
    const start = !first.done && first.value.type === 'start' ? first.value : undefined;
    if (start) for (const [k, v] of Object.entries(gatewayHeaders({ ...start, cost: 0 }))) c.header(k, v);
    const includeUsage = body.stream_options?.include_usage === true;
    return streamSSE(c, async (sse) => {
      let id = start?.id ?? 'pending';
      let model = start?.model ?? body.model;
      let toolIndex = 0;
      const send = (data: unknown) => sse.writeSSE({ data: JSON.stringify(data) });
      const write = async (e: TStreamEvent): Promise<boolean> => {
        switch (e.type) {
          case 'start':
            id = e.id;
            model = e.model;
            await send(toChunk(id, model, created, { role: 'assistant', content: '' }));
            return true;
          case 'text-delta':
            await send(toChunk(id, model, created, { content: e.delta }));
            return true;
          case 'tool-call': {
            const call = e.toolCall;
            const delta = {
              id: call.id,
              type: 'function',
              function: { name: call.name, arguments: call.arguments },
            };
            await send(toChunk(id, model, created, { tool_calls: [{ index: toolIndex++, ...delta }] }));
            return true;
          }
          case 'finish':
            await send(toChunk(id, model, created, {}, openAiFinishReason(e.result.finishReason)));
            if (includeUsage)
              await send({ ...toChunk(id, model, created, {}), choices: [], usage: openAiUsage(e.result) });
            await sse.writeSSE({ data: '[DONE]' });
            return false;
          case 'error':
            // OpenAI's own streams report a late failure as an `error` object; clients raise it.
            await send({ error: { message: e.message, type: 'server_error', code: e.code } });
            return false;
        }
      };
      let more = first.done ? false : await write(first.value);
      while (more && !sse.aborted) {
        const next = await events.next();
        if (next.done) break;
        more = await write(next.value);
      }
      await events.return?.();
    }) as never;
  });
}
