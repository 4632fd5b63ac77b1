import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePermission } from '../../../app/session.tsx';
import { Card, EmptyState, ErrorAlert, Spinner, Table } from '../../../components/ui/index.ts';
import { aiUsageKey, budgetKey, fetchAiUsage, fetchBudget, type TAiUsageSummary } from '../api.ts';
import { currentMonth, formatCost, formatMonth, formatNumber } from '../format.ts';
import { BudgetBars } from './budget-bars.tsx';

type TModelRow = TAiUsageSummary['byModel'][number];

/** AI calls, tokens and cost this month (GET /ai/usage) and the monthly budget (GET /ai/budget). */
export function AiUsageCard() {
  const mayGenerate = usePermission('ai:generate');
  const mayReadBudget = usePermission('ai_provider:read');
  const mayEditBudget = usePermission('organization:manage_billing');
  const usage = useQuery({
    queryKey: aiUsageKey,
    queryFn: ({ signal }) => fetchAiUsage(currentMonth(), signal),
    enabled: mayGenerate,
  });
  const budget = useQuery({
    queryKey: budgetKey,
    queryFn: ({ signal }) => fetchBudget(signal),
    enabled: mayReadBudget,
  });

  if (!mayGenerate) {
    return (
      <Card title="AI usage this month">
        <p>Your role cannot use AI models, so there is no AI usage to show. An admin can change your role.</p>
      </Card>
    );
  }

  let figures: ReactNode;
  if (usage.isPending) figures = <Spinner label="Loading AI usage…" />;
  else if (usage.isError)
    figures = (
      <ErrorAlert title="AI usage could not be loaded" error={usage.error} onRetry={() => usage.refetch()} />
    );
  else if (usage.data.calls === 0)
    figures = (
      <EmptyState
        title="No AI calls this month"
        action={
          <Link className="button button--primary" to="/playground">
            Open the playground
          </Link>
        }
      >
        Try a model in the playground (the built-in local model needs no key) or run a workflow; calls, tokens
        and cost appear here.
      </EmptyState>
    );
  else figures = <UsageFigures usage={usage.data} />;

  let budgetPart: ReactNode = null;
  if (mayReadBudget) {
    if (budget.isPending) budgetPart = <Spinner label="Loading the budget…" />;
    else if (budget.isError)
      budgetPart = (
        <ErrorAlert
          title="The budget could not be loaded"
          error={budget.error}
          onRetry={() => budget.refetch()}
        />
      );
    else
      budgetPart = (
        <section aria-labelledby="budget-heading" className="dashboard__budget">
          <h3 id="budget-heading" className="dashboard__subtitle">
            Budget for {formatMonth(budget.data.month)}
          </h3>
          <BudgetBars budget={budget.data} />
          {mayEditBudget && budget.data.limits.tokens === null && budget.data.limits.cost === null && (
            <p>
              <Link to="/settings/ai">Set a monthly budget</Link> so calls stop before they overspend.
            </p>
          )}
        </section>
      );
  }

  return (
    <Card title="AI usage this month">
      {figures}
      {budgetPart}
    </Card>
  );
}

function UsageFigures({ usage }: { usage: TAiUsageSummary }) {
  return (
    <>
      <dl className="stat-grid">
        <Stat label="Calls" value={formatNumber(usage.calls)} />
        <Stat label="Tokens in" value={formatNumber(usage.tokensIn)} />
        <Stat label="Tokens out" value={formatNumber(usage.tokensOut)} />
        <Stat label="Cost" value={formatCost(usage.cost)} />
        <Stat label="Cached" value={formatNumber(usage.cached)} />
        <Stat label="Failed" value={formatNumber(usage.failures)} />
      </dl>
      <Table<TModelRow>
        caption="AI usage by model this month"
        rows={usage.byModel}
        rowKey={(row) => `${row.providerKind}:${row.model}`}
        columns={[
          { key: 'model', header: 'Model', cell: (row) => <code>{row.model}</code> },
          { key: 'kind', header: 'Provider', cell: (row) => row.providerKind ?? 'unknown' },
          { key: 'calls', header: 'Calls', numeric: true, cell: (row) => formatNumber(row.calls) },
          {
            key: 'tokens',
            header: 'Tokens',
            numeric: true,
            cell: (row) => formatNumber(row.tokensIn + row.tokensOut),
          },
          { key: 'cost', header: 'Cost', numeric: true, cell: (row) => formatCost(row.cost) },
        ]}
      />
    </>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <dt className="stat__label">{label}</dt>
      <dd className="stat__value">{value}</dd>
    </div>
  );
}
