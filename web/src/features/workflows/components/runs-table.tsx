import { Link } from 'react-router';
import { Table, type TColumn } from '../../../components/ui/index.ts';
import type { TRunSummary } from '../api.ts';
import { elapsed, formatCost, formatCount, formatDateTime, formatDuration } from '../format.ts';
import { RunStatus } from './run-status.tsx';

/** Runs with status, version, trigger, timing, tokens and cost; each links to its live view. */
export function RunsTable({
  runs,
  caption,
  workflowNames,
}: {
  runs: readonly TRunSummary[];
  caption: string;
  workflowNames?: ReadonlyMap<string, string>;
}) {
  const columns: TColumn<TRunSummary>[] = [
    {
      key: 'run',
      header: 'Run',
      cell: (r) => <Link to={`/runs/${r.id}`}>{formatDateTime(r.createdAt)}</Link>,
    },
    ...(workflowNames
      ? [
          {
            key: 'workflow',
            header: 'Workflow',
            cell: (r: TRunSummary) => (
              <Link to={`/workflows/${r.workflowId}`}>
                {workflowNames.get(r.workflowId) ?? r.workflowId.slice(0, 8)}
              </Link>
            ),
          },
        ]
      : []),
    { key: 'status', header: 'Status', cell: (r) => <RunStatus status={r.status} /> },
    { key: 'version', header: 'Version', numeric: true, cell: (r) => `v${r.version}` },
    { key: 'trigger', header: 'Trigger', cell: (r) => r.trigger },
    {
      key: 'duration',
      header: 'Duration',
      numeric: true,
      cell: (r) => formatDuration(elapsed(r.startedAt, r.finishedAt)),
    },
    { key: 'tokens', header: 'Tokens', numeric: true, cell: (r) => formatCount(r.tokens) },
    { key: 'cost', header: 'Cost', numeric: true, cell: (r) => formatCost(r.cost) },
  ];
  return <Table caption={caption} columns={columns} rows={runs} rowKey={(r) => r.id} />;
}
