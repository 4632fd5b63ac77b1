import { sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import type { TActor } from '../../identity/index.ts';
import { aiBudgets } from '../schema.ts';
import type { TBudget, TPutBudgetInput } from './budget-view.ts';
import { getBudget } from './get-budget.ts';
import { dollarsText } from './month.ts';

/**
 * Sets both monthly limits (`organization:manage_billing`). Lowering a limit below what is already used only
 * refuses new reservations; it never cancels calls in flight.
 */
export async function setBudget({
  db,
  actor,
  input,
  now = new Date(),
}: {
  db: Database;
  actor: TActor;
  input: TPutBudgetInput;
  now?: Date;
}): Promise<TBudget> {
  const organizationId = actor.organizationId;
  const values = {
    monthlyTokenLimit: input.monthlyTokenLimit,
    monthlyCostLimit: input.monthlyCostLimit === null ? null : dollarsText(input.monthlyCostLimit),
  };
  await withTenant(db, organizationId, (tx) =>
    tx
      .insert(aiBudgets)
      .values({ organizationId, ...values })
      .onConflictDoUpdate({ target: aiBudgets.organizationId, set: { ...values, updatedAt: sql`now()` } }),
  );
  return getBudget({ db, actor, now });
}
