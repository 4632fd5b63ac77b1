import type { TModule } from '../../platform/module.ts';
import type { Platform } from '../../platform/platform.ts';
import type { TRouters } from '../identity/index.ts';
import { getSystemInfoRoute } from './routes/get-system-info.ts';
import { listMigrationsRoute } from './routes/list-migrations.ts';

/** Instance facts for the web shell, operators and benchmarks. */
export function createSystem(platform: Platform, routers: TRouters): TModule {
  return {
    name: 'system',
    mount(api) {
      api.route('/', getSystemInfoRoute(platform, routers.public()));
      // Which migrations ran says which version and schema the instance is on: for its operators only.
      api.route('/', listMigrationsRoute(platform, routers.admin()));
    },
  };
}
