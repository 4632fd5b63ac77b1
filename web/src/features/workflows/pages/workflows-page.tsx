import { Plus, Workflow } from 'lucide-react';
import { Link } from 'react-router';
import { usePermission } from '../../../app/session.tsx';
import {
  Card,
  EmptyState,
  ErrorAlert,
  PageHeader,
  Spinner,
  Table,
  type TColumn,
} from '../../../components/ui/index.ts';
import { type TWorkflowSummary, useRuns, useWorkflows } from '../api.ts';
import { RunsTable } from '../components/runs-table.tsx';
import { formatDateTime } from '../format.ts';
import '../workflows.css';

const COLUMNS: TColumn<TWorkflowSummary>[] = [
  { key: 'name', header: 'Workflow', cell: (w) => <Link to={`/workflows/${w.id}`}>{w.name}</Link> },
  { key: 'version', header: 'Version', numeric: true, cell: (w) => `v${w.currentVersion}` },
  { key: 'updated', header: 'Updated', cell: (w) => formatDateTime(w.updatedAt) },
  { key: 'runs', header: 'Runs', cell: (w) => <Link to={`/workflows/${w.id}/runs`}>History</Link> },
];

/** /workflows: the organization's workflows and its most recent runs. */
export function WorkflowsPage() {
  const workflows = useWorkflows();
  const runs = useRuns(undefined, 10);
  const canCreate = usePermission('workflow:create');
  const newButton = canCreate ? (
    <Link className="button button--primary" to="/workflows/new">
      <Plus size={16} aria-hidden /> New workflow
    </Link>
  ) : null;
  const names = new Map((workflows.data?.data ?? []).map((w) => [w.id, w.name]));
  return (
    <>
      <PageHeader
        title="Workflows"
        description="Steps that run in order or in parallel, durable across restarts."
        actions={newButton}
      />
      {workflows.isPending && <Spinner label="Loading workflows" />}
      {workflows.isError && (
        <ErrorAlert
          title="Could not load the workflows"
          error={workflows.error}
          onRetry={() => workflows.refetch()}
        />
      )}
      {workflows.data &&
        (workflows.data.data.length === 0 ? (
          <EmptyState title="No workflows yet" icon={<Workflow size={32} />} action={newButton}>
            Start from a template or a blank canvas, add steps, then run it with an input.
          </EmptyState>
        ) : (
          <Table caption="Workflows" columns={COLUMNS} rows={workflows.data.data} rowKey={(w) => w.id} />
        ))}
      <Card title="Recent runs">
        {runs.isPending && <Spinner label="Loading runs" />}
        {runs.isError && <ErrorAlert title="Could not load the runs" error={runs.error} />}
        {runs.data &&
          (runs.data.data.length === 0 ? (
            <p className="muted">No runs yet. Open a workflow and press Run.</p>
          ) : (
            <RunsTable caption="Recent runs" runs={runs.data.data} workflowNames={names} />
          ))}
      </Card>
    </>
  );
}
