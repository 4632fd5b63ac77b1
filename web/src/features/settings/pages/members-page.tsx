import { useQuery } from '@tanstack/react-query';
import type { TOrgRole } from '../../../../../contracts/permissions/index.ts';
import { usePermission, useSession } from '../../../app/session.tsx';
import { Card, ErrorAlert, PageHeader, Spinner } from '../../../components/ui/index.ts';
import { fetchInvitations, fetchMembers, invitationsKey, membersKey } from '../api/members.ts';
import { InvitationsTable } from '../components/invitations-table.tsx';
import { InviteForm } from '../components/invite-form.tsx';
import { MembersTable } from '../components/members-table.tsx';

/** /settings/members: members and their roles, invitations. */
export function MembersPage() {
  const { organization } = useSession();
  const id = organization?.id ?? '';
  const mayInvite = usePermission('invitation:create');
  const mayReadInvitations = usePermission('invitation:read');
  const members = useQuery({
    queryKey: membersKey(id),
    queryFn: ({ signal }) => fetchMembers(id, 0, signal),
    enabled: id !== '',
  });
  const invitations = useQuery({
    queryKey: invitationsKey(id),
    queryFn: ({ signal }) => fetchInvitations(id, signal),
    enabled: id !== '' && mayReadInvitations,
  });
  return (
    <>
      <PageHeader
        title="Members"
        description="Who belongs to this organization and what their role lets them do."
      />
      {mayInvite && organization && (
        <Card title="Invite a member">
          <InviteForm organizationId={id} myRole={organization.role as TOrgRole} />
        </Card>
      )}
      <Card title={`Members${members.data ? ` (${members.data.pagination.total})` : ''}`}>
        {members.isPending && <Spinner label="Loading members…" />}
        {members.isError && (
          <ErrorAlert
            title="Members could not be loaded"
            error={members.error}
            onRetry={() => members.refetch()}
          />
        )}
        {members.data && <MembersTable organizationId={id} members={members.data.data} />}
        {members.data?.pagination.hasNext && (
          <p className="muted">
            Showing the first {members.data.data.length} of {members.data.pagination.total} members.
          </p>
        )}
      </Card>
      {mayReadInvitations && (
        <Card title="Invitations">
          {invitations.isPending && <Spinner label="Loading invitations…" />}
          {invitations.isError && (
            <ErrorAlert
              title="Invitations could not be loaded"
              error={invitations.error}
              onRetry={() => invitations.refetch()}
            />
          )}
          {invitations.data && <InvitationsTable organizationId={id} invitations={invitations.data.data} />}
        </Card>
      )}
    </>
  );
}
