import { and, count, countDistinct, eq, gt, isNull, notExists, type SQL, sql } from 'drizzle-orm';
import { PLAN_LIMITS, type TPlanLimitsTable, withinLimit } from '../../../../../contracts/plans.ts';
import type { TTx } from '../../../../platform/db/index.ts';
import { AppError } from '../../../../platform/http/index.ts';
import { invitations } from '../../access-schema.ts';
import { organizationMembers, users } from '../../schema.ts';
import type { TOrganizationRow } from '../locking.ts';

const open = (now: Date) =>
  and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

/** Invitations to the organization itself (not to one of its projects) that can still be accepted. */
export function pendingInvitations(organizationId: string, now = new Date()): SQL {
  return and(eq(invitations.organizationId, organizationId), isNull(invitations.projectId), open(now))!;
}

/**
 * Seats in use: members, plus every address a pending invitation promises a seat to. An invitation to one
 * project promises one too when its address is not a member yet (accepting it joins the organization); an
 * address counts once however many invitations it has. `except` leaves one address out of the count.
 */
export async function seatsInUse(tx: TTx, organizationId: string, except?: string): Promise<number> {
  const email = sql`lower(${invitations.email})`;
  const alreadyMember = tx
    .select({ id: organizationMembers.id })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(
      and(eq(organizationMembers.organizationId, organizationId), sql`lower(${users.email}) = ${email}`),
    );
  const promised = and(
    eq(invitations.organizationId, organizationId),
    open(new Date()),
    notExists(alreadyMember),
    except === undefined ? undefined : sql`${email} <> ${except.trim().toLowerCase()}`,
  );
  // One after the other: a transaction is one connection.
  const [members] = await tx
    .select({ n: count() })
    .from(organizationMembers)
    .where(eq(organizationMembers.organizationId, organizationId));
  const [invited] = await tx
    .select({ n: countDistinct(email) })
    .from(invitations)
    .where(promised);
  return (members?.n ?? 0) + (invited?.n ?? 0);
}

/**
 * Refuses with CONFLICT (409) when the seats in use plus the one `forEmail` takes would exceed the plan's
 * member limit; that address's own pending invitations are the seat asked for, not another one. Not 429: the
 * organization is full, and retrying later does not help; a seat freed or a larger plan does. Call under
 * the organization lock (see lockOrganization).
 */
export async function assertSeatAvailable(
  tx: TTx,
  org: TOrganizationRow,
  opts: { forEmail: string; planLimits?: TPlanLimitsTable | undefined },
): Promise<void> {
  const limit = (opts.planLimits ?? PLAN_LIMITS)[org.plan].members;
  if (limit === null) return;
  const used = await seatsInUse(tx, org.id, opts.forEmail);
  if (!withinLimit(limit, used + 1)) {
    throw new AppError(
      'CONFLICT',
      `Your plan (${org.plan}) allows ${limit} member${limit === 1 ? '' : 's'}, counting pending invitations; ` +
        'revoke an invitation, remove a member, or ask the instance operator for a larger plan',
      {
        details: [{ message: 'Member limit reached', quota: 'members', plan: org.plan, limit, used }],
      },
    );
  }
}
