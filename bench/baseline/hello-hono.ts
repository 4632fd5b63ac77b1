// The yardstick: the smallest useful Hono server on @hono/node-server. FlashFusion's numbers are read as
// ratios against this one, measured in the same run on the same machine.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.text('ok'));
app.get('/json', (c) => c.json({ status: 'ok', items: [{ id: 1, name: 'hello' }] }));

const port = Number(process.env.PORT ?? 3001);
const hostname = process.env.HOST ?? '127.0.0.1';
const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`hello-hono listening on http://${hostname}:${info.port}`);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
