import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import { dollarsText, monthOf, nextMonthStart, type TReservation } from './month.ts';

/** Long enough for the slowest call with all its retries; a crashed process's holds are swept after this. */
export const DEFAULT_RESERVATION_TTL_MS = 15 * 60_000;

type TUsageRow = {
  tokens_used: string;
  cost_used: string;
  tokens_reserved: string;
  cost_reserved: string;
  token_limit: string | null;
  cost_limit: string | null;
};

/**
 * Holds an estimate against this month's budget, atomically: one UPDATE adds it to `reserved` only where
 * used + reserved + estimate fits each limit, and inserts the reservation row in the same statement. Row
 * locking re-checks the condition on the latest row, so concurrent callers in any number of processes can
 * never push used + reserved past a limit. QUOTA_EXCEEDED (429) with the figures when it does not fit.
 */
export async function reserveBudget({
  db,
  organizationId,
  tokens,
  cost,
  now = new Date(),
  ttlMs = DEFAULT_RESERVATION_TTL_MS,
}: {
  db: Database;
  organizationId: string;
  tokens: number;
  cost: number;
  now?: Date;
  ttlMs?: number;
}): Promise<TReservation> {
  if (!Number.isSafeInteger(tokens) || tokens < 0) throw new RangeError(`invalid token estimate ${tokens}`);
  const month = monthOf(now);
  const costText = dollarsText(cost);
  const expiresAt = new Date(now.getTime() + ttlMs);
  return withTenant(db, organizationId, async (tx) => {
    // The month's row first, so the guarded UPDATE always has a row to lock.
    await tx.execute(sql`
      insert into ai_budget_usage (organization_id, month) values (${organizationId}, ${month})
      on conflict do nothing`);
    const [held] = await queryRows<{ id: string }>(
      tx,
      sql`
      with b as (
        select monthly_token_limit as tl, monthly_cost_limit as cl from ai_budgets
        where organization_id = ${organizationId}
      ), u as (
        update ai_budget_usage
        set tokens_reserved = tokens_reserved + ${tokens}::bigint,
            cost_reserved = cost_reserved + ${costText}::numeric,
            updated_at = now()
        where organization_id = ${organizationId} and month = ${month}
          and ((select tl from b) is null or tokens_used + tokens_reserved + ${tokens}::bigint <= (select tl from b))
          and ((select cl from b) is null or cost_used + cost_reserved + ${costText}::numeric <= (select cl from b))
        returning organization_id, month
      )
      insert into ai_budget_reservations (organization_id, month, tokens, cost, expires_at)
      select organization_id, month, ${tokens}::bigint, ${costText}::numeric, ${expiresAt.toISOString()}::timestamptz
      from u
      returning id`,
    );
    if (held) return { id: held.id, organizationId, month, tokens, cost, expiresAt };
    const [state] = await queryRows<TUsageRow>(
      tx,
      sql`
      select u.tokens_used, u.cost_used, u.tokens_reserved, u.cost_reserved,
             b.monthly_token_limit as token_limit, b.monthly_cost_limit as cost_limit
      from ai_budget_usage u left join ai_budgets b on b.organization_id = u.organization_id
      where u.organization_id = ${organizationId} and u.month = ${month}`,
    );
    throw quotaExceeded(state, tokens, cost, now);
  });
}

/**
 * The refusal: which limit the call does not fit, with the figures, and Retry-After until the month ends
 * (the budget renews then; a smaller call may fit sooner, which the figures show).
 */
function quotaExceeded(state: TUsageRow | undefined, tokens: number, cost: number, now: Date): AppError {
  const renewsAt = nextMonthStart(now);
  const retryAfterSec = Math.max(1, Math.ceil((renewsAt.getTime() - now.getTime()) / 1000));
  const n = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
  const details = [
    {
      field: 'tokens',
      message: 'Monthly token budget',
      limit: n(state?.token_limit),
      used: n(state?.tokens_used),
      reserved: n(state?.tokens_reserved),
      requested: tokens,
    },
    {
      field: 'cost',
      message: 'Monthly cost budget (USD)',
      limit: n(state?.cost_limit),
      used: n(state?.cost_used),
      reserved: n(state?.cost_reserved),
      requested: cost,
    },
  ].filter((d) => d.limit !== null && (d.used ?? 0) + (d.reserved ?? 0) + d.requested > d.limit);
  return new AppError(
    'QUOTA_EXCEEDED',
    `The organization’s monthly AI budget does not cover this call; it renews on ${renewsAt.toISOString().slice(0, 10)}`,
    { details, headers: { 'Retry-After': String(retryAfterSec) } },
  );
}
