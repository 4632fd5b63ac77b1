import { CheckCircle } from 'lucide-react';
import { EmptyState, ErrorAlert, PageHeader, Spinner } from '../../../components/ui/index.ts';
import { usePendingApprovals } from '../api.ts';
import { ApprovalCard } from '../components/approval-actions.tsx';
import '../workflows.css';

/** /approvals: every step of the organization waiting for a person, oldest first. */
export function ApprovalsPage() {
  const approvals = usePendingApprovals();
  return (
    <>
      <PageHeader
        title="Approvals"
        description="Runs paused at an approval step continue when you approve or reject."
      />
      {approvals.isPending && <Spinner label="Loading approvals" />}
      {approvals.isError && (
        <ErrorAlert
          title="Could not load the approvals"
          error={approvals.error}
          onRetry={() => approvals.refetch()}
        />
      )}
      {approvals.data &&
        (approvals.data.data.length === 0 ? (
          <EmptyState title="Nothing waiting" icon={<CheckCircle size={32} />}>
            No run is waiting for approval. Add an approval step to a workflow to pause it for a decision.
          </EmptyState>
        ) : (
          <div className="approvals">
            {approvals.data.data.map((a) => (
              <ApprovalCard key={a.id} approval={a} showRun />
            ))}
          </div>
        ))}
    </>
  );
}
