import { createRouter } from '../../platform/http/index.ts';
import type { Platform } from '../../platform/platform.ts';
import { getSystemInfoRoute } from './routes/get-system-info.ts';
import { listMigrationsRoute } from './routes/list-migrations.ts';

/** Instance facts for the web shell, operators and benchmarks. */
export function systemRoutes(platform: Platform) {
  return createRouter().route('/', getSystemInfoRoute(platform)).route('/', listMigrationsRoute(platform));
}
