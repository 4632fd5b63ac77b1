import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Card, EmptyState, ErrorAlert, Spinner, Table, type TColumn } from '../../../components/ui/index.ts';
import { fetchRecentRuns, fetchWorkflowNames, recentRunsKey, type TRun } from '../api.ts';
import { formatCost, formatDateTime, formatNumber } from '../format.ts';
import { RunStatusBadge } from './run-status-badge.tsx';

/** The organization's latest workflow runs, newest first, each linking to its live view. */
export function RecentRunsCard() {
  const runs = useQuery({ queryKey: recentRunsKey, queryFn: ({ signal }) => fetchRecentRuns(signal) });
  const names = useQuery({
    queryKey: ['workflows', 'names'],
    queryFn: ({ signal }) => fetchWorkflowNames(signal),
    enabled: (runs.data?.data.length ?? 0) > 0,
  });

  const columns: TColumn<TRun>[] = [
    {
      key: 'workflow',
      header: 'Workflow',
      cell: (run) => (
        <Link to={`/runs/${run.id}`}>{names.data?.get(run.workflowId) ?? `Run ${run.id.slice(0, 8)}`}</Link>
      ),
    },
    { key: 'status', header: 'Status', cell: (run) => <RunStatusBadge status={run.status} /> },
    { key: 'trigger', header: 'Trigger', cell: (run) => run.trigger },
    { key: 'tokens', header: 'Tokens', numeric: true, cell: (run) => formatNumber(run.tokens) },
    { key: 'cost', header: 'Cost', numeric: true, cell: (run) => formatCost(run.cost) },
    { key: 'created', header: 'Started', cell: (run) => formatDateTime(run.startedAt ?? run.createdAt) },
  ];

  let body: ReactNode;
  if (runs.isPending) body = <Spinner label="Loading recent runs…" />;
  else if (runs.isError)
    body = (
      <ErrorAlert title="Recent runs could not be loaded" error={runs.error} onRetry={() => runs.refetch()} />
    );
  else if (runs.data.data.length === 0)
    body = (
      <EmptyState
        title="No runs yet"
        action={
          <div className="dashboard__actions">
            <Link className="button button--primary" to="/agents/new">
              Create an agent
            </Link>
            <Link className="button button--secondary" to="/workflows/new">
              Build a workflow
            </Link>
          </div>
        }
      >
        Runs appear here as soon as a workflow runs. Create an agent, build a workflow and run it, or try a
        model in the <Link to="/playground">AI playground</Link> first.
      </EmptyState>
    );
  else
    body = (
      <>
        <Table
          caption="Recent workflow runs"
          columns={columns}
          rows={runs.data.data}
          rowKey={(run) => run.id}
        />
        <p className="dashboard__footnote">
          {formatNumber(runs.data.pagination.total)} runs in total. <Link to="/workflows">All workflows</Link>
        </p>
      </>
    );

  return <Card title="Recent runs">{body}</Card>;
}
