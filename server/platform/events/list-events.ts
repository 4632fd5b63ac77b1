import { and, asc, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Database, TExecutor } from '../db/index.ts';
import { withTenant } from '../db/tenant/index.ts';
import type { DomainEvent } from './define-event.ts';
import { domainEvents } from './schema.ts';

/** Stored events of one organization (or of the instance when organizationId is null), newest first by default. */
export async function listEvents(
  db: Database,
  q: {
    organizationId: string | null;
    type?: string;
    userId?: string;
    aggregateId?: string;
    from?: Date;
    to?: Date;
    limit: number;
    offset: number;
    order?: 'asc' | 'desc';
  },
): Promise<{ rows: DomainEvent<unknown>[]; total: number }> {
  const filters: SQL[] = [];
  if (q.organizationId) filters.push(eq(domainEvents.organizationId, q.organizationId));
  if (q.type) filters.push(eq(domainEvents.type, q.type));
  if (q.userId) filters.push(eq(domainEvents.userId, q.userId));
  if (q.aggregateId) filters.push(eq(domainEvents.aggregateId, q.aggregateId));
  if (q.from) filters.push(gte(domainEvents.occurredAt, q.from));
  if (q.to) filters.push(lt(domainEvents.occurredAt, q.to));
  const where = filters.length ? and(...filters) : undefined;
  const order = q.order === 'asc' ? asc(domainEvents.occurredAt) : desc(domainEvents.occurredAt);
  const read = (on: TExecutor) =>
    Promise.all([
      on.select().from(domainEvents).where(where).orderBy(order).limit(q.limit).offset(q.offset),
      on.select({ n: count() }).from(domainEvents).where(where),
    ]);
  // An organization's trail is read as that tenant (row-level security); the instance's as the owner.
  const [rows, totals] = q.organizationId ? await withTenant(db, q.organizationId, read) : await read(db.orm);
  return {
    total: totals[0]?.n ?? 0,
    rows: rows.map((r) => ({
      id: r.id,
      type: r.type,
      aggregateId: r.aggregateId,
      organizationId: r.organizationId,
      userId: r.userId,
      payload: r.payload,
      timestamp: r.occurredAt.toISOString(),
    })),
  };
}
