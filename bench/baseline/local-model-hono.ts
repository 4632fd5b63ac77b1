// The AI gateway's yardstick: FlashFusion's built-in local model called through the AI SDK behind a bare Hono
// route that answers in OpenAI's chat completion shape. The difference to FlashFusion's /v1/chat/completions
// is the gateway: authentication, rate limit and quota, routing, budget reservation, usage records, events.
import { serve } from '@hono/node-server';
import { generateText } from 'ai';
import { Hono } from 'hono';
import { createLocalModel } from '../../server/modules/ai/local/index.ts';

const model = createLocalModel();
const app = new Hono();
app.get('/ready', (c) => c.text('ok'));
app.post('/v1/chat/completions', async (c) => {
  const body = (await c.req.json()) as { messages: { role: 'user' | 'system'; content: string }[] };
  const r = await generateText({ model, messages: body.messages, maxRetries: 0 });
  return c.json({
    id: 'chatcmpl-baseline',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: 'local',
    choices: [{ index: 0, message: { role: 'assistant', content: r.text }, finish_reason: 'stop' }],
    usage: { prompt_tokens: r.usage.inputTokens, completion_tokens: r.usage.outputTokens },
  });
});

const port = Number(process.env.PORT ?? 3001);
const hostname = process.env.HOST ?? '127.0.0.1';
const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`local-model-hono listening on http://${hostname}:${info.port}`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
