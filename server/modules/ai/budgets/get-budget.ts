import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import type { TActor } from '../../identity/index.ts';
import type { TBudget } from './budget-view.ts';
import { monthOf } from './month.ts';

type TRow = {
  token_limit: string | null;
  cost_limit: string | null;
  tokens_used: string | null;
  cost_used: string | null;
  tokens_reserved: string | null;
  cost_reserved: string | null;
};

/** The organization's limits and this month's used and reserved figures (`ai_provider:read`). */
export async function getBudget({
  db,
  actor,
  now = new Date(),
}: {
  db: Database;
  actor: TActor;
  now?: Date;
}): Promise<TBudget> {
  const organizationId = actor.organizationId;
  const month = monthOf(now);
  const [row] = await withTenant(db, organizationId, (tx) =>
    queryRows<TRow>(
      tx,
      sql`
      select b.monthly_token_limit as token_limit, b.monthly_cost_limit as cost_limit,
             u.tokens_used, u.cost_used, u.tokens_reserved, u.cost_reserved
      from (select ${organizationId}::uuid as organization_id) o
      left join ai_budgets b on b.organization_id = o.organization_id
      left join ai_budget_usage u on u.organization_id = o.organization_id and u.month = ${month}`,
    ),
  );
  const num = (v: string | null | undefined) => Number(v ?? 0);
  const orNull = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return {
    month,
    limits: { tokens: orNull(row?.token_limit), cost: orNull(row?.cost_limit) },
    used: { tokens: num(row?.tokens_used), cost: num(row?.cost_used) },
    reserved: { tokens: num(row?.tokens_reserved), cost: num(row?.cost_reserved) },
  };
}
