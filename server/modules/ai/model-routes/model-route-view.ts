import type { aiRoutes } from '../schema.ts';
import type { TModelRoute } from '../types.ts';
import type { TModelRouteView } from './schemas.ts';

export function toModelRouteView(row: typeof aiRoutes.$inferSelect): TModelRouteView {
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    strategy: row.strategy,
    targets: row.targets,
    fallback: row.fallback,
    timeoutMs: row.timeoutMs,
    maxRetries: row.maxRetries,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The gateway's view (TModelRoute). */
export function toModelRoute(row: typeof aiRoutes.$inferSelect): TModelRoute {
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    strategy: row.strategy,
    targets: row.targets,
    fallback: row.fallback,
    timeoutMs: row.timeoutMs,
    maxRetries: row.maxRetries,
  };
}
