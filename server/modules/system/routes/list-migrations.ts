import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { ZErrorEnvelopeSchema } from '../../../../contracts/errors.ts';
import { listResponseSchema, paginate, ZListQuerySchema } from '../../../../contracts/pagination.ts';
import { ZMigrationSchema } from '../../../../contracts/system.ts';
import { listAppliedMigrations } from '../../../platform/db/index.ts';
import { errorResponses } from '../../../platform/http/index.ts';
import type { Platform } from '../../../platform/platform.ts';
import type { TUserEnv } from '../../identity/index.ts';

const route = createRoute({
  method: 'get',
  path: '/system/migrations',
  tags: ['system'],
  summary: 'Database migrations this instance has applied (instance admins)',
  'x-permission': 'instance_admin',
  request: { query: ZListQuerySchema },
  responses: {
    200: {
      description: 'Applied migrations',
      content: { 'application/json': { schema: listResponseSchema(ZMigrationSchema) } },
    },
    400: { description: 'Invalid query', content: { 'application/json': { schema: ZErrorEnvelopeSchema } } },
    ...errorResponses([401, 403]),
  },
});

export function listMigrationsRoute(platform: Platform, router: OpenAPIHono<TUserEnv>) {
  return router.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const { rows, total } = await listAppliedMigrations(platform.db, q);
    return c.json({ data: rows, pagination: paginate(total, q) }, 200);
  });
}
