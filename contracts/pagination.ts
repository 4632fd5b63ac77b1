import { z } from 'zod';

/** `?limit&offset&sort&order` of every list (SPEC §2). */
export const ZListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type TListQuery = z.infer<typeof ZListQuerySchema>;

export const ZPaginationSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  hasNext: z.boolean(),
  hasPrev: z.boolean(),
});
export type TPagination = z.infer<typeof ZPaginationSchema>;

/** `{ data, pagination }` for a list of the given item schema. */
export const listResponseSchema = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), pagination: ZPaginationSchema });

export function paginate(total: number, q: { limit: number; offset: number }): TPagination {
  return {
    total,
    limit: q.limit,
    offset: q.offset,
    hasNext: q.offset + q.limit < total,
    hasPrev: q.offset > 0,
  };
}

/**
 * One page of a list already read whole, as `{ data, pagination }`: for lists an organization's own
 * configuration bounds to a few dozen rows (providers, routes, catalogue models), where a count query and
 * SQL paging would cost more than they save. `order: 'desc'` reverses the list's natural order.
 */
export function pageOf<T>(items: readonly T[], q: TListQuery): { data: T[]; pagination: TPagination } {
  const ordered = q.order === 'desc' ? [...items].reverse() : items;
  return { data: ordered.slice(q.offset, q.offset + q.limit), pagination: paginate(items.length, q) };
}
