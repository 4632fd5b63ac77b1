import { and, eq } from 'drizzle-orm';
import { isUuid } from '../../../../contracts/ids.ts';
import { AppError, notFound } from '../../../platform/http/index.ts';
import type { TEngineCtx } from '../engine/engine-jobs.ts';
import { engineTx } from '../engine/engine-tx.ts';
import { TERMINAL_RUN } from '../engine/engine-types.ts';
import { loadRun, stepDefinition } from '../engine/load-run.ts';
import { applyOutcome } from '../engine/store-outcome.ts';
import { approvals } from '../schema.ts';

export interface TDecision {
  organizationId: string;
  approvalId: string;
  decision: 'approved' | 'rejected';
  comment?: string | null;
  userId: string;
}

/**
 * Decides a pending approval: approved completes the approval step (its output is the decision), rejected
 * fails it (the step's onError applies). The run resumes through an advance job. 404 for another tenant's or
 * unknown approvals, 409 when already decided or the run has finished.
 */
export async function decideApproval(ctx: TEngineCtx, d: TDecision) {
  if (!isUuid(d.approvalId)) throw notFound('Approval');
  return engineTx(ctx, d.organizationId, async (tx, log) => {
    const [found] = await tx
      .select()
      .from(approvals)
      .where(and(eq(approvals.id, d.approvalId), eq(approvals.organizationId, d.organizationId)));
    if (!found) throw notFound('Approval');
    const loaded = await loadRun(tx, found.runId, { lock: true });
    if (!loaded) throw notFound('Approval');
    const [approval] = await tx.select().from(approvals).where(eq(approvals.id, found.id)).for('update');
    if (approval?.status !== 'pending')
      throw new AppError('CONFLICT', `The approval was already ${approval?.status ?? 'decided'}`);
    if (TERMINAL_RUN.has(loaded.run.status))
      throw new AppError('CONFLICT', `The run already finished (${loaded.run.status})`);
    const row = loaded.steps.find((s) => s.stepId === approval.stepId);
    const step = stepDefinition(loaded.definition, approval.stepId);
    if (!row || !step || row.status !== 'waiting')
      throw new AppError('CONFLICT', 'The approval step is not waiting');
    const now = new Date();
    const [decided] = await tx
      .update(approvals)
      .set({ status: d.decision, decidedBy: d.userId, decidedAt: now, comment: d.comment ?? null })
      .where(eq(approvals.id, approval.id))
      .returning();
    if (!decided) throw new Error('the approval update returned no row');
    await log.append(tx, loaded.run.id, 'approval.decided', approval.stepId, {
      approvalId: approval.id,
      decision: d.decision,
      decidedBy: d.userId,
    });
    const output = {
      decision: d.decision,
      comment: d.comment ?? null,
      decidedBy: d.userId,
      decidedAt: now.toISOString(),
    };
    await applyOutcome(ctx, tx, log, {
      run: loaded.run,
      row,
      step,
      outcome:
        d.decision === 'approved'
          ? { status: 'succeeded', output }
          : { status: 'failed', error: `Rejected${d.comment ? `: ${d.comment}` : ''}`, retryable: false },
      logs: [{ at: now.toISOString(), level: 'info', message: `${d.decision} by ${d.userId}` }],
    });
    return decided;
  });
}
