import { and, count, eq, gt, isNull, ne, type SQL } from 'drizzle-orm';
import { PLAN_LIMITS, type TPlanLimitsTable, withinLimit } from '../../../../../contracts/plans.ts';
import type { TTx } from '../../../../platform/db/index.ts';
import { AppError } from '../../../../platform/http/index.ts';
import { invitations } from '../../access-schema.ts';
import { organizationMembers } from '../../schema.ts';
import type { TOrganizationRow } from '../locking.ts';

/** Invitations to the organization that can still be accepted. */
export function pendingInvitations(organizationId: string, now = new Date()): SQL {
  return and(
    eq(invitations.organizationId, organizationId),
    isNull(invitations.projectId),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, now),
  )!;
}

/**
 * Refuses with QUOTA_EXCEEDED when members plus pending invitations (the seats already promised), plus one
 * more, would exceed the plan's member limit. Call under the organization lock (see lockOrganization).
 */
export async function assertSeatAvailable(
  tx: TTx,
  org: TOrganizationRow,
  opts: { excludeInvitationId?: string; planLimits?: TPlanLimitsTable | undefined } = {},
): Promise<void> {
  const limit = (opts.planLimits ?? PLAN_LIMITS)[org.plan].members;
  if (limit === null) return;
  const pending = opts.excludeInvitationId
    ? and(pendingInvitations(org.id), ne(invitations.id, opts.excludeInvitationId))
    : pendingInvitations(org.id);
  // One after the other: a transaction is one connection.
  const [members] = await tx
    .select({ n: count() })
    .from(organizationMembers)
    .where(eq(organizationMembers.organizationId, org.id));
  const [invited] = await tx.select({ n: count() }).from(invitations).where(pending);
  const used = (members?.n ?? 0) + (invited?.n ?? 0);
  if (!withinLimit(limit, used + 1)) {
    throw new AppError(
      'QUOTA_EXCEEDED',
      `The ${org.plan} plan allows ${limit} member(s), counting pending invitations`,
      {
        details: [{ message: 'Member limit reached', quota: 'members', plan: org.plan, limit, used }],
      },
    );
  }
}
