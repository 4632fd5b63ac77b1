import { Link, useParams } from 'react-router';
import { EmptyState, ErrorAlert, PageHeader, Spinner } from '../../../components/ui/index.ts';
import { useRuns, useWorkflow } from '../api.ts';
import { RunsTable } from '../components/runs-table.tsx';
import '../workflows.css';

/** /workflows/:id/runs: the workflow's run history, newest first, refreshed while runs are going. */
export function WorkflowRunsPage() {
  const { id = '' } = useParams();
  const workflow = useWorkflow(id);
  const runs = useRuns(id, 100);
  const back = (
    <Link className="button button--secondary" to={`/workflows/${id}`}>
      Open the editor
    </Link>
  );
  return (
    <>
      <PageHeader
        title={workflow.data ? `Runs of ${workflow.data.name}` : 'Runs'}
        description="Each run keeps the version it started with."
        actions={back}
      />
      {workflow.isError && <ErrorAlert title="Could not load the workflow" error={workflow.error} />}
      {runs.isPending && <Spinner label="Loading runs" />}
      {runs.isError && (
        <ErrorAlert title="Could not load the runs" error={runs.error} onRetry={() => runs.refetch()} />
      )}
      {runs.data &&
        (runs.data.data.length === 0 ? (
          <EmptyState title="No runs yet" action={back}>
            Open the workflow and press Run to start one.
          </EmptyState>
        ) : (
          <RunsTable caption="Run history" runs={runs.data.data} />
        ))}
    </>
  );
}
