import { Progress } from '../../../components/ui/index.ts';
import type { TBudget } from '../api.ts';
import { formatCost, formatNumber } from '../format.ts';

/**
 * The month's budget as bars: used plus reserved (calls running now hold their estimate) against each
 * limit. A limit that is not set says so instead of drawing a bar against nothing.
 */
export function BudgetBars({ budget }: { budget: TBudget }) {
  const tokens = budget.used.tokens + budget.reserved.tokens;
  const cost = budget.used.cost + budget.reserved.cost;
  return (
    <div className="budget-bars">
      {budget.limits.tokens === null ? (
        <p>
          Tokens: {formatNumber(tokens)} used, <strong>no monthly token limit</strong>.
        </p>
      ) : (
        <Progress
          label={`Tokens: ${formatNumber(tokens)} of ${formatNumber(budget.limits.tokens)}`}
          value={tokens}
          max={Math.max(budget.limits.tokens, 1)}
        />
      )}
      {budget.limits.cost === null ? (
        <p>
          Cost: {formatCost(cost)} spent, <strong>no monthly cost limit</strong>.
        </p>
      ) : (
        <Progress
          label={`Cost: ${formatCost(cost)} of ${formatCost(budget.limits.cost)}`}
          value={cost}
          max={Math.max(budget.limits.cost, 0.000001)}
        />
      )}
      {(budget.reserved.tokens > 0 || budget.reserved.cost > 0) && (
        <p className="dashboard__footnote">
          Includes {formatNumber(budget.reserved.tokens)} tokens / {formatCost(budget.reserved.cost)} reserved
          by calls running now.
        </p>
      )}
    </div>
  );
}
