import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Check, X } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { usePermission } from '../../../app/session.tsx';
import { Button, ErrorAlert, Input, useToast } from '../../../components/ui/index.ts';
import { decideApproval, type TApproval } from '../api.ts';
import { formatDateTime } from '../format.ts';

/** One waiting approval: its message, an optional comment, approve / reject. */
export function ApprovalCard({ approval, showRun = false }: { approval: TApproval; showRun?: boolean }) {
  const canDecide = usePermission('workflow:execute');
  const [comment, setComment] = useState('');
  const queryClient = useQueryClient();
  const toast = useToast();
  const decide = useMutation({
    mutationFn: (decision: 'approved' | 'rejected') =>
      decideApproval(approval.id, decision, comment.trim() || undefined),
    onSuccess: async (decided) => {
      toast({ title: `Step ${decided.stepId} ${decided.status}`, tone: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['approvals'] });
      await queryClient.invalidateQueries({ queryKey: ['runs'] });
    },
  });
  return (
    <article className="approval" aria-label={`Approval for step ${approval.stepId}`}>
      <p className="approval__message">{approval.message}</p>
      <p className="muted">
        Step <code>{approval.stepId}</code> · waiting since {formatDateTime(approval.createdAt)}
        {showRun && (
          <>
            {' · '}
            <Link to={`/runs/${approval.runId}`}>open the run</Link>
          </>
        )}
      </p>
      {canDecide ? (
        <div className="approval__actions">
          <Input label="Comment (optional)" value={comment} onChange={(e) => setComment(e.target.value)} />
          <Button
            variant="primary"
            icon={<Check size={16} aria-hidden />}
            loading={decide.isPending && decide.variables === 'approved'}
            disabled={decide.isPending}
            onClick={() => decide.mutate('approved')}
          >
            Approve
          </Button>
          <Button
            variant="danger"
            icon={<X size={16} aria-hidden />}
            loading={decide.isPending && decide.variables === 'rejected'}
            disabled={decide.isPending}
            onClick={() => decide.mutate('rejected')}
          >
            Reject
          </Button>
        </div>
      ) : (
        <p className="muted">Your role cannot decide approvals.</p>
      )}
      {decide.isError && <ErrorAlert title="The decision was not recorded" error={decide.error} />}
    </article>
  );
}
