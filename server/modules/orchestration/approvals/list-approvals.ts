import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { paginate, ZListQuerySchema } from '../../../../contracts/pagination.ts';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { approvals, workflowRuns } from '../schema.ts';

export const ZApprovalListQuerySchema = ZListQuerySchema.extend({
  status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
  runId: z.uuid().optional(),
  workflowId: z.uuid().optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type TApprovalListQuery = z.infer<typeof ZApprovalListQuerySchema>;

export const ZApprovalSchema = z.object({
  id: z.string(),
  runId: z.string(),
  workflowId: z.string(),
  stepId: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  message: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
  createdAt: z.string(),
});

type TRow = typeof approvals.$inferSelect & { workflowId: string };
export const serializeApproval = (a: TRow): z.infer<typeof ZApprovalSchema> => ({
  id: a.id,
  runId: a.runId,
  workflowId: a.workflowId,
  stepId: a.stepId,
  status: a.status,
  message: a.message,
  decidedBy: a.decidedBy,
  decidedAt: a.decidedAt?.toISOString() ?? null,
  comment: a.comment,
  createdAt: a.createdAt.toISOString(),
});

/** The organization's approvals (pending by default), filtered by run or workflow. */
export function listApprovals({
  db,
  organizationId,
  query: q,
}: {
  db: Database;
  organizationId: string;
  query: TApprovalListQuery;
}) {
  return withTenant(db, organizationId, async (tx) => {
    const where: SQL[] = [eq(approvals.organizationId, organizationId), eq(approvals.status, q.status)];
    if (q.runId) where.push(eq(approvals.runId, q.runId));
    if (q.workflowId) where.push(eq(workflowRuns.workflowId, q.workflowId));
    const joined = () =>
      tx.select().from(approvals).innerJoin(workflowRuns, eq(workflowRuns.id, approvals.runId));
    const [total] = await tx
      .select({ n: count() })
      .from(approvals)
      .innerJoin(workflowRuns, eq(workflowRuns.id, approvals.runId))
      .where(and(...where));
    const rows = await joined()
      .where(and(...where))
      .orderBy(q.order === 'asc' ? asc(approvals.createdAt) : desc(approvals.createdAt), asc(approvals.id))
      .limit(q.limit)
      .offset(q.offset);
    return {
      data: rows.map((r) => serializeApproval({ ...r.approvals, workflowId: r.workflow_runs.workflowId })),
      pagination: paginate(total?.n ?? 0, q),
    };
  });
}
