import { and, eq } from 'drizzle-orm';
import { isUuid } from '../../../../contracts/ids.ts';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import type { TAction, TActor } from '../../identity/index.ts';
import { authorizeRunIn } from '../runs/authorize-run.ts';
import { approvals } from '../schema.ts';

/**
 * RESOURCE_NOT_FOUND unless the organization has this approval; then `action` is asserted on the workflow of
 * its run, so a project editor may decide the approvals of that project's runs.
 */
export function authorizeApproval(
  db: Database,
  actor: TActor,
  approvalId: string,
  action: TAction,
): Promise<void> {
  if (!isUuid(approvalId)) return Promise.reject(notFound('Approval'));
  return withTenant(db, actor.organizationId, async (tx) => {
    const [found] = await tx
      .select({ runId: approvals.runId })
      .from(approvals)
      .where(and(eq(approvals.id, approvalId), eq(approvals.organizationId, actor.organizationId)));
    if (!found) throw notFound('Approval');
    await authorizeRunIn(tx, actor, found.runId, action);
  });
}
