import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import { paginate } from '../../../../contracts/pagination.ts';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { workflowRuns } from '../schema.ts';
import type { TRunListQuery } from './run-schemas.ts';
import { serializeRun } from './serialize-run.ts';

/** A page of the organization's runs, newest first by default, filtered by workflow and status. */
export function listRuns({
  db,
  organizationId,
  query: q,
}: {
  db: Database;
  organizationId: string;
  query: TRunListQuery;
}) {
  return withTenant(db, organizationId, async (tx) => {
    const where: SQL[] = [eq(workflowRuns.organizationId, organizationId)];
    if (q.workflowId) where.push(eq(workflowRuns.workflowId, q.workflowId));
    if (q.status) where.push(eq(workflowRuns.status, q.status));
    const [total] = await tx
      .select({ n: count() })
      .from(workflowRuns)
      .where(and(...where));
    const rows = await tx
      .select()
      .from(workflowRuns)
      .where(and(...where))
      .orderBy(
        q.order === 'asc' ? asc(workflowRuns.createdAt) : desc(workflowRuns.createdAt),
        asc(workflowRuns.id),
      )
      .limit(q.limit)
      .offset(q.offset);
    return { data: rows.map(serializeRun), pagination: paginate(total?.n ?? 0, q) };
  });
}
