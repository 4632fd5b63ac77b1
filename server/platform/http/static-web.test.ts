import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveWebDist, serveWebApp } from './static-web.ts';

const INDEX_HTML = '<!doctype html><html lang="en"><title>FlashFusion</title><div id="root"></div></html>';
const APP_JS = 'console.log("flashfusion");';

/** An app whose own routes and notFound are recognisable, with the web app mounted after them. */
function buildApp(distDir: string) {
  const app = new Hono();
  app.get('/api/v1/system', (c) => c.json({ name: 'FlashFusion' }));
  serveWebApp(app, { distDir });
  app.notFound((c) => c.json({ error: { code: 'RESOURCE_NOT_FOUND', message: 'Not found' } }, 404));
  return app;
}

const HTML_ACCEPT = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('serveWebApp', () => {
  let workDir: string;
  let distDir: string;
  let app: Hono;

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'ff-web-'));
    distDir = join(workDir, 'dist');
    mkdirSync(join(distDir, 'assets'), { recursive: true });
    writeFileSync(join(workDir, 'secret.txt'), 'top secret');
    writeFileSync(join(distDir, 'index.html'), INDEX_HTML);
    writeFileSync(join(distDir, 'assets', 'app-abc123.js'), APP_JS);
    app = buildApp(distDir);
  });

  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('serves index.html at / without caching', async () => {
    const res = await app.request('/', { headers: HTML_ACCEPT });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it('falls back to index.html for deep client-side routes', async () => {
    for (const init of [{ headers: HTML_ACCEPT }, {}]) {
      const res = await app.request('/some/deep/route', init);
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
      expect(res.headers.get('Cache-Control')).toBe('no-cache');
      expect(await res.text()).toBe(INDEX_HTML);
    }
  });

  it('does not fall back for clients that only accept JSON', async () => {
    const res = await app.request('/some/deep/route', { headers: { Accept: 'application/json' } });
    expect(res.status).toBe(404);
  });

  it('serves hashed assets as immutable JavaScript', async () => {
    const res = await app.request('/assets/app-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/javascript|^application\/javascript/);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe(APP_JS);
  });

  it('answers HEAD with headers and no body', async () => {
    const res = await app.request('/assets/app-abc123.js', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe('');
  });

  it('404s a missing asset instead of answering with HTML', async () => {
    for (const path of ['/assets/missing.js', '/favicon.ico', '/assets/missing']) {
      const res = await app.request(path, { headers: HTML_ACCEPT });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('Content-Type'), path).toMatch(/^application\/json/);
    }
  });

  it('leaves server paths to the app', async () => {
    const own = await app.request('/api/v1/system', { headers: HTML_ACCEPT });
    expect(await own.json()).toEqual({ name: 'FlashFusion' });

    for (const path of ['/api/anything', '/api', '/v1/models', '/health', '/ready', '/metrics']) {
      const res = await app.request(path, { headers: HTML_ACCEPT });
      expect(res.status, path).toBe(404);
      expect(await res.json(), path).toEqual({ error: { code: 'RESOURCE_NOT_FOUND', message: 'Not found' } });
    }
  });

  it('does not serve files outside the dist directory', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const res = await app.request(path, { headers: HTML_ACCEPT });
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('top secret');
    }
  });
});

describe('serveWebApp before the web app is built', () => {
  const missingDir = join(tmpdir(), 'ff-web-never-built');

  it('answers page navigations with 503 and how to build', async () => {
    const app = buildApp(missingDir);
    for (const path of ['/', '/dashboard']) {
      const res = await app.request(path, { headers: HTML_ACCEPT });
      expect(res.status, path).toBe(503);
      expect(await res.text()).toContain('The web app is not built: run npm run build');
    }
  });

  it('still 404s assets and leaves the API alone', async () => {
    const app = buildApp(missingDir);
    expect((await app.request('/assets/app-abc123.js')).status).toBe(404);
    expect((await app.request('/api/v1/system')).status).toBe(200);
  });
});

describe('resolveWebDist', () => {
  it('points at dist/web in the repository root', () => {
    expect(resolveWebDist()).toBe(join(import.meta.dirname, '../../../dist/web'));
  });
});
