import { ensurePgliteTemplate, TEMPLATE_ENV } from './pglite-template.ts';

/** Vitest global setup: builds the migrated PGlite template once for the whole run. */
export default async function setup(): Promise<void> {
  if (!process.env.TEST_DATABASE_URL) process.env[TEMPLATE_ENV] = await ensurePgliteTemplate();
}
