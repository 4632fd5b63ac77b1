import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built web app every e2e server of this run serves. */
    webDist: string;
  }
}

const CONFIG = fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url));

/**
 * Builds the web app once per e2e run into its own temporary directory (production build, service worker
 * included). E2E_WEB_DIST=<dir> reuses a build made beforehand instead.
 */
export default async function setup(project: TestProject) {
  const given = process.env.E2E_WEB_DIST;
  if (given) {
    if (!existsSync(join(given, 'index.html'))) throw new Error(`E2E_WEB_DIST=${given} has no index.html`);
    project.provide('webDist', given);
    return;
  }
  const outDir = await mkdtemp(join(tmpdir(), 'ff-e2e-web-'));
  // web/vite.config.ts reads WEB_OUT_DIR for the bundle and the service worker alike.
  process.env.WEB_OUT_DIR = outDir;
  // Vitest runs with NODE_ENV=test, which Vite would keep: a development React and no service worker
  // registration (import.meta.env.PROD false). The tests must see what `npm run build` ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: CONFIG, mode: 'production', logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    delete process.env.WEB_OUT_DIR;
  }
  if (!existsSync(join(outDir, 'sw.js'))) throw new Error(`the web build in ${outDir} has no service worker`);
  project.provide('webDist', outDir);
  return async () => {
    await rm(outDir, { recursive: true, force: true });
  };
}
