import type { aiRoutes } from '../schema.ts';
import type { TRoute } from '../types.ts';
import type { TRouteView } from './schemas.ts';

export function toRouteView(row: typeof aiRoutes.$inferSelect): TRouteView {
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

/** The gateway's view (TRoute). */
export function toRoute(row: typeof aiRoutes.$inferSelect): TRoute {
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
