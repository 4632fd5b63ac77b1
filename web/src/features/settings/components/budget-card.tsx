import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { usePermission } from '../../../app/session.tsx';
import { Button, Card, ErrorAlert, Input, Spinner } from '../../../components/ui/index.ts';
import { BudgetBars } from '../../dashboard/components/budget-bars.tsx';
import { formatMonth } from '../../dashboard/format.ts';
import { budgetKey, fetchBudget, putBudget } from '../api/ai.ts';
import { useSavedToast } from './save-status.ts';

/** The monthly token and cost budget: current use against it, and (for owners) the limits. */
export function BudgetCard() {
  const mayEdit = usePermission('organization:manage_billing');
  const queryClient = useQueryClient();
  const saved = useSavedToast();
  const budget = useQuery({ queryKey: budgetKey, queryFn: ({ signal }) => fetchBudget(signal) });
  const [tokens, setTokens] = useState('');
  const [cost, setCost] = useState('');
  const [errors, setErrors] = useState<{ tokens?: string; cost?: string }>({});
  useEffect(() => {
    if (!budget.data) return;
    setTokens(budget.data.limits.tokens === null ? '' : String(budget.data.limits.tokens));
    setCost(budget.data.limits.cost === null ? '' : String(budget.data.limits.cost));
  }, [budget.data]);
  const save = useMutation({
    mutationFn: putBudget,
    onSuccess: (updated) => {
      queryClient.setQueryData(budgetKey, updated);
      saved('Budget saved');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    const t = tokens.trim() === '' ? null : Number(tokens);
    const c = cost.trim() === '' ? null : Number(cost);
    if (t !== null && (!Number.isInteger(t) || t < 0))
      found.tokens = 'A whole number of tokens, or empty for no limit.';
    if (c !== null && (!Number.isFinite(c) || c < 0))
      found.cost = 'An amount in US dollars, or empty for no limit.';
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate({ monthlyTokenLimit: t, monthlyCostLimit: c });
  };
  return (
    <Card title={budget.data ? `Budget for ${formatMonth(budget.data.month)}` : 'Budget'}>
      {budget.isPending && <Spinner label="Loading the budget…" />}
      {budget.isError && (
        <ErrorAlert
          title="The budget could not be loaded"
          error={budget.error}
          onRetry={() => budget.refetch()}
        />
      )}
      {budget.data && <BudgetBars budget={budget.data} />}
      {budget.data && mayEdit && (
        <form className="settings-form" onSubmit={submit} noValidate aria-label="Monthly budget">
          <h3 className="card__subtitle">Monthly limits</h3>
          <p className="muted">
            Each call reserves its estimate first; a call that does not fit is refused with QUOTA_EXCEEDED.
          </p>
          <Input
            label="Token limit"
            type="number"
            min={0}
            step={1}
            value={tokens}
            onChange={(e) => setTokens(e.target.value)}
            error={errors.tokens}
            hint="Empty: no limit."
          />
          <Input
            label="Cost limit (US$)"
            type="number"
            min={0}
            step="any"
            value={cost}
            onChange={(e) => setCost(e.target.value)}
            error={errors.cost}
            hint="Empty: no limit."
          />
          {save.isError && <ErrorAlert title="The budget was not saved" error={save.error} />}
          <div className="settings-form__actions">
            <Button type="submit" variant="primary" loading={save.isPending}>
              Save budget
            </Button>
          </div>
        </form>
      )}
      {budget.data && !mayEdit && <p className="muted">Only an owner sets the budget.</p>}
    </Card>
  );
}
