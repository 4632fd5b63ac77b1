import { createRoute, z } from '@hono/zod-openapi';
import { listResponseSchema, paginate, ZListQuerySchema } from '../../../../contracts/pagination.ts';
import type { Database } from '../../../platform/db/index.ts';
import { listEvents } from '../../../platform/events/index.ts';
import { errorResponses } from '../../../platform/http/index.ts';
import type { TRouters } from '../access/create-routers.ts';

const ZAuditQuerySchema = ZListQuerySchema.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  type: z.string().min(1).max(100).optional(),
  userId: z.uuid().optional(),
  aggregateId: z.string().min(1).max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

const ZAuditEventSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  aggregateId: z.string(),
  organizationId: z.uuid().nullable(),
  userId: z.uuid().nullable(),
  payload: z.unknown(),
  timestamp: z.string(),
});

const route = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['audit'],
  summary: "The organization's audit trail: every domain event, newest first, with filters",
  'x-permission': 'audit:read',
  request: { query: ZAuditQuerySchema },
  responses: {
    200: {
      description: 'Events',
      content: { 'application/json': { schema: listResponseSchema(ZAuditEventSchema) } },
    },
    ...errorResponses([400, 401, 403]),
  },
});

/** GET /audit for organization admins (permission `audit:read`). */
export function auditRoutes({ db, routers }: { db: Database; routers: TRouters }) {
  return routers.member().openapi(route, async (c) => {
    const actor = c.get('actor');
    const q = c.req.valid('query');
    const { rows, total } = await listEvents(db, {
      ...q,
      organizationId: actor.organizationId,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
    });
    return c.json({ data: rows, pagination: paginate(total, q) }, 200);
  });
}
