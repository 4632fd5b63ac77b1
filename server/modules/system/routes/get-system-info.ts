import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { type TSystemInfo, ZSystemInfoSchema } from '../../../../contracts/system.ts';
import type { TAppEnv } from '../../../platform/http/index.ts';
import type { Platform } from '../../../platform/platform.ts';
import { VERSION } from '../../../platform/version.ts';

const route = createRoute({
  method: 'get',
  path: '/system',
  tags: ['system'],
  summary: 'What this FlashFusion instance is and how it runs',
  'x-permission': 'public',
  responses: {
    200: { description: 'Instance facts', content: { 'application/json': { schema: ZSystemInfoSchema } } },
  },
});

export function getSystemInfoRoute(platform: Platform, router: OpenAPIHono<TAppEnv>) {
  const info: TSystemInfo = {
    name: 'FlashFusion',
    version: VERSION,
    mode: platform.env.DATABASE_URL ? 'scale-out' : 'embedded',
    role: platform.env.ROLE,
    database: platform.db.kind,
    cache: platform.redis ? 'redis' : 'memory',
  };
  return router.openapi(route, (c) => c.json(info, 200));
}
