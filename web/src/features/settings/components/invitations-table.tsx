import { useMutation, useQueryClient } from '@tanstack/react-query';
import { usePermission } from '../../../app/session.tsx';
import { Badge, Button, EmptyState, ErrorAlert, Table } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../dashboard/format.ts';
import { invitationsKey, revokeInvitation, type TInvitation } from '../api/members.ts';
import { useSavedToast } from './save-status.ts';

const TONE = { pending: 'warn', accepted: 'ok', revoked: 'neutral', expired: 'neutral' } as const;

/** Invitations, pending ones first; a pending one can be revoked. */
export function InvitationsTable({
  organizationId,
  invitations,
}: {
  organizationId: string;
  invitations: readonly TInvitation[];
}) {
  const mayRevoke = usePermission('invitation:revoke');
  const queryClient = useQueryClient();
  const saved = useSavedToast();
  const revoke = useMutation({
    mutationFn: (invitationId: string) => revokeInvitation(organizationId, invitationId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: invitationsKey(organizationId) });
      saved('Invitation revoked');
    },
  });
  if (invitations.length === 0) {
    return (
      <EmptyState title="No invitations">
        Invite someone by email above; they get a link valid for 7 days.
      </EmptyState>
    );
  }
  const sorted = [...invitations].sort(
    (a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'),
  );
  return (
    <>
      {revoke.isError && <ErrorAlert title="The invitation was not revoked" error={revoke.error} />}
      <Table<TInvitation>
        caption="Invitations"
        rows={sorted}
        rowKey={(i) => i.id}
        columns={[
          { key: 'email', header: 'Email', cell: (i) => i.email },
          { key: 'role', header: 'Role', cell: (i) => i.role },
          { key: 'status', header: 'Status', cell: (i) => <Badge tone={TONE[i.status]}>{i.status}</Badge> },
          { key: 'expires', header: 'Expires', cell: (i) => formatDateTime(i.expiresAt) },
          {
            key: 'actions',
            header: <span className="visually-hidden">Actions</span>,
            cell: (i) =>
              mayRevoke && i.status === 'pending' ? (
                <Button
                  size="sm"
                  variant="danger"
                  loading={revoke.isPending && revoke.variables === i.id}
                  onClick={() => revoke.mutate(i.id)}
                  aria-label={`Revoke the invitation of ${i.email}`}
                >
                  Revoke
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}
