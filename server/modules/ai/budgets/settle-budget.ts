import { sql } from 'drizzle-orm';
import type { Database, TTx } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { dollarsText, type TReservation } from './month.ts';

/**
 * Ends a reservation: its estimate leaves `reserved` and the real figures join `used`, in one statement. The
 * real cost may exceed the estimate and is recorded anyway (the call happened). If the sweep already expired
 * the reservation, only the real usage is added, so nothing is subtracted twice.
 */
export async function settleBudget({
  db,
  reservation,
  actual,
}: {
  db: Database;
  reservation: TReservation;
  actual: { tokens: number; cost: number };
}): Promise<void> {
  await withTenant(db, reservation.organizationId, (tx) => settleBudgetIn(tx, reservation, actual));
}

/** settleBudget inside a tenant transaction of the reservation's organization (e.g. with the usage record). */
export async function settleBudgetIn(
  tx: TTx,
  reservation: TReservation,
  actual: { tokens: number; cost: number },
): Promise<void> {
  const { id, organizationId, month } = reservation;
  const tokens = Math.max(0, Math.round(actual.tokens));
  const cost = dollarsText(Math.max(0, actual.cost));
  await tx.execute(sql`
      with r as (
        delete from ai_budget_reservations where id = ${id} and organization_id = ${organizationId}
        returning tokens, cost
      )
      update ai_budget_usage
      set tokens_reserved = tokens_reserved - coalesce((select tokens from r), 0),
          cost_reserved = cost_reserved - coalesce((select cost from r), 0),
          tokens_used = tokens_used + ${tokens}::bigint,
          cost_used = cost_used + ${cost}::numeric,
          updated_at = now()
      where organization_id = ${organizationId} and month = ${month}`);
}

/** Gives a failed call's estimate back; nothing is charged. */
export function releaseBudget({
  db,
  reservation,
}: {
  db: Database;
  reservation: TReservation;
}): Promise<void> {
  return settleBudget({ db, reservation, actual: { tokens: 0, cost: 0 } });
}
