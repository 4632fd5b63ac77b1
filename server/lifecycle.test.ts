import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parseEnv } from './env.ts';
import { startServer } from './main.ts';
import { seedInstanceAdmin } from './modules/identity/identity.test-kit.ts';
import * as schema from './schema.ts';
import { startTestServer } from './testing/test-server.ts';

const silent = pino({ level: 'silent' });

describe('process lifecycle', () => {
  it('keeps data across a restart of the embedded database', { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ff-restart-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const env = parseEnv({ PORT: '0', DATA_DIR: dataDir });
    const first = await startServer(env, silent);
    await first.platform.db.orm.insert(schema.users).values({ email: 'keep@example.com' });
    await first.shutdown();
    const second = await startServer(env, silent);
    const rows = await second.platform.db.orm
      .select()
      .from(schema.users)
      .where(eq(schema.users.email, 'keep@example.com'));
    expect(rows).toHaveLength(1);
    expect((await fetch(`${second.url}/ready`)).status).toBe(200);
    await second.shutdown();
  });

  it('finishes in-flight requests on shutdown and accepts no new ones', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let entered: () => void = () => {};
    const inside = new Promise<void>((r) => {
      entered = r;
    });
    const s = await startTestServer({
      extraApiRoutes: (api) => {
        api.get('/test/slow', async (c) => {
          entered();
          await gate;
          return c.json({ finished: true });
        });
      },
    });
    const slow = fetch(`${s.url}/api/v1/test/slow`);
    await inside;
    const stopping = s.stop();
    await new Promise((r) => setTimeout(r, 100));
    await expect(fetch(`${s.url}/health`)).rejects.toThrow();
    release();
    const res = await slow;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ finished: true });
    await stopping;
    expect(s.logs().some((l) => l.msg === 'shutdown complete')).toBe(true);
  });

  it('reports not ready and answers INTERNAL_ERROR without internals when the database goes away', async () => {
    const s = await startTestServer();
    expect((await fetch(`${s.url}/ready`)).status).toBe(200);
    const { key } = await seedInstanceAdmin(s.platform.db, s.platform.events);
    await s.platform.db.close();
    const ready = await fetch(`${s.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not_ready', checks: { database: 'unavailable' } });
    const res = await fetch(`${s.url}/api/v1/system/migrations`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(body)).not.toMatch(/drizzle|pglite|select|closed|pool/i);
    await s.stop();
  });

  it('serves the built web shell at / with an SPA fallback', async () => {
    const s = await startTestServer();
    const home = await fetch(`${s.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<div id="root">');
    const deep = await fetch(`${s.url}/settings/profile`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toContain('text/html');
    await s.stop();
  });

  it('serves only operations endpoints in the worker role', async () => {
    const s = await startTestServer({ env: { ROLE: 'worker' } });
    expect((await fetch(`${s.url}/ready`)).status).toBe(200);
    expect((await fetch(`${s.url}/metrics`)).status).toBe(200);
    const api = await fetch(`${s.url}/api/v1/system`);
    expect(api.status).toBe(404);
    await s.stop();
  });
});
