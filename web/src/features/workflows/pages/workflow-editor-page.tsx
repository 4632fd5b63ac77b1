import { History } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { ErrorAlert, PageHeader, Spinner } from '../../../components/ui/index.ts';
import { useWorkflow } from '../api.ts';
import { WorkflowEditor } from '../components/workflow-editor.tsx';
import { asDefinition } from '../definition.ts';
import '../workflows.css';

/** /workflows/:id — loads the workflow, then the canvas editor (this page's chunk carries @xyflow/react). */
export function WorkflowEditorPage() {
  const { id = '' } = useParams();
  const workflow = useWorkflow(id);
  if (workflow.isPending) return <Spinner label="Loading the workflow" />;
  if (workflow.isError) {
    return (
      <>
        <PageHeader title="Workflow" actions={<Link to="/workflows">All workflows</Link>} />
        <ErrorAlert
          title="Could not load the workflow"
          error={workflow.error}
          onRetry={() => workflow.refetch()}
        />
      </>
    );
  }
  return (
    <WorkflowEditor
      key={workflow.data.id}
      workflow={workflow.data}
      initial={asDefinition(workflow.data.definition)}
      runsLink={
        <Link className="button button--secondary" to={`/workflows/${id}/runs`}>
          <History size={16} aria-hidden /> Runs
        </Link>
      }
    />
  );
}
