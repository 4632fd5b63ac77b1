import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePgliteTemplate, TEMPLATE_ENV } from './pglite-template.ts';

/**
 * Vitest global setup: builds the migrated PGlite template once for the whole run (it outlives the run, keyed
 * by the migrations), then points every worker and child process at one temporary folder removed at the end,
 * so a crashed test or a killed child leaves nothing in the machine's /tmp.
 */
export default async function setup(): Promise<() => void> {
  if (!process.env.TEST_DATABASE_URL) process.env[TEMPLATE_ENV] = await ensurePgliteTemplate();
  const runTmp = mkdtempSync(path.join(os.tmpdir(), 'ff-test-run-'));
  process.env.TMPDIR = runTmp;
  return () => rmSync(runTmp, { recursive: true, force: true });
}
