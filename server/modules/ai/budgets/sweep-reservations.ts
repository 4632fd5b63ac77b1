import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../../platform/db/index.ts';

/**
 * Expires reservations past their expiry (their process crashed or hung), returning their estimates to every
 * organization's budget in one statement. Runs on the platform path across all tenants (a periodic job).
 */
export async function sweepExpiredReservations({
  db,
  now = new Date(),
}: {
  db: Database;
  now?: Date;
}): Promise<{ expired: number }> {
  const [row] = await queryRows<{ expired: number }>(
    db.orm,
    sql`
    with r as (
      delete from ai_budget_reservations where expires_at <= ${now.toISOString()}::timestamptz
      returning organization_id, month, tokens, cost
    ), s as (
      select organization_id, month, sum(tokens) as tokens, sum(cost) as cost from r group by 1, 2
    ), u as (
      update ai_budget_usage b
      set tokens_reserved = greatest(b.tokens_reserved - s.tokens, 0),
          cost_reserved = greatest(b.cost_reserved - s.cost, 0),
          updated_at = now()
      from s where b.organization_id = s.organization_id and b.month = s.month
      returning 1
    )
    select (select count(*) from r)::int as expired, (select count(*) from u)::int as months`,
  );
  return { expired: row?.expired ?? 0 };
}
