import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Env, Hono, MiddlewareHandler } from 'hono';

/** Paths the server answers itself; the web app never serves or falls back under them. */
export const SERVER_PATH_PREFIXES = ['/api', '/v1', '/health', '/ready', '/metrics'] as const;

// Vite puts content-hashed files under /assets/, so a URL there never changes meaning.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const NOT_BUILT_MESSAGE = 'The web app is not built: run npm run build';

/** Absolute path of dist/web at the repository root, where `npm run build` writes the web app. */
export function resolveWebDist(): string {
  return fileURLToPath(new URL('../../../dist/web', import.meta.url));
}

/**
 * Serves the built web app for GET/HEAD outside the server's own paths: files as they are, any other
 * page navigation as index.html (the SPA decides what to show), and 503 until `npm run build` has run.
 */
export function serveWebApp<E extends Env>(app: Hono<E>, opts: { distDir: string }): void {
  const indexPath = join(opts.distDir, 'index.html');
  // Created on first use: serveStatic logs an error at creation when its root does not exist yet.
  let files: MiddlewareHandler | undefined;
  let indexFile: MiddlewareHandler | undefined;

  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (isServerPath(path)) return next();

    const isAssetLike = path.startsWith('/assets/') || hasFileExtension(path);
    if (!existsSync(indexPath)) {
      if (isAssetLike || !acceptsHtml(c)) return next();
      return c.text(NOT_BUILT_MESSAGE, 503, { 'Cache-Control': 'no-store' });
    }

    files ??= serveStatic({ root: opts.distDir });
    const file = await serveOrNothing(files, c);
    if (file) return withCacheControl(file, path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);

    // A missing script or image must fail loudly (404), not parse index.html as JavaScript.
    if (isAssetLike || !acceptsHtml(c)) return next();

    indexFile ??= serveStatic({ root: opts.distDir, path: 'index.html' });
    const index = await serveOrNothing(indexFile, c);
    if (!index) return next();
    // The same URL answers 404 to non-HTML clients, so shared caches must key on Accept.
    index.headers.set('Vary', 'Accept');
    return withCacheControl(index, REVALIDATE);
  });
}

/** Runs a serveStatic middleware; undefined when it found no file (it then calls `next`). */
async function serveOrNothing(middleware: MiddlewareHandler, c: Context): Promise<Response | undefined> {
  const response = await middleware(c, async () => {});
  return response ? response : undefined;
}

function withCacheControl(response: Response, value: string): Response {
  response.headers.set('Cache-Control', value);
  return response;
}

function isServerPath(path: string): boolean {
  return SERVER_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

function hasFileExtension(path: string): boolean {
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return /\.[A-Za-z0-9]+$/.test(lastSegment);
}

// Browsers navigating send text/html; a missing Accept header or */* (curl, links in tools) accepts it too.
function acceptsHtml(c: Context): boolean {
  const accept = c.req.header('Accept');
  return !accept || accept.includes('text/html') || accept.includes('*/*');
}
