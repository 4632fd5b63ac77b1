// A second yardstick: bare Hono plus an embedded PGlite in DATA_DIR answering the same paginated read as
// FlashFusion's /api/v1/system/migrations, with none of FlashFusion's middleware, validation or platform.
// FlashFusion over this one is what the platform itself costs on a database route.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const db = await PGlite.create(path.join(process.env.DATA_DIR ?? './bench-data', 'pgdata'));
await db.exec(`create table if not exists migrations (hash text not null, created_at bigint not null);
  insert into migrations select 'c49cc92dbabe', 1795696120736 where not exists (select 1 from migrations);`);

const app = new Hono();
app.get('/ready', async (c) => c.json({ status: (await db.query('select 1')).rows.length ? 'ready' : 'no' }));
app.get('/read', async (c) => {
  const { rows } = await db.query<{ hash: string; created_at: string; total: string }>(
    'select hash, created_at, count(*) over () as total from migrations order by created_at asc limit $1 offset $2',
    [20, 0],
  );
  const total = Number(rows[0]?.total ?? 0);
  return c.json({
    data: rows.map((r) => ({ hash: r.hash, writtenAt: new Date(Number(r.created_at)).toISOString() })),
    pagination: { total, limit: 20, offset: 0, hasNext: total > 20, hasPrev: false },
  });
});

const port = Number(process.env.PORT ?? 3002);
const hostname = process.env.HOST ?? '127.0.0.1';
const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`hono-pglite listening on http://${hostname}:${info.port}`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () =>
    server.close(async () => {
      await db.close();
      process.exit(0);
    }),
  );
}
