import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { canAssignOrgRole, ORG_ROLES, type TOrgRole } from '../../../../../contracts/permissions/index.ts';
import { usePermission, useSession } from '../../../app/session.tsx';
import { Button, Dialog, DialogClose, ErrorAlert, Table } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../dashboard/format.ts';
import { changeMemberRole, membersKey, removeMember, type TMember, type TRole } from '../api/members.ts';
import { useSavedToast } from './save-status.ts';

/** Members with their roles; role changes and removal where the signed-in member's role allows them. */
export function MembersTable({
  organizationId,
  members,
}: {
  organizationId: string;
  members: readonly TMember[];
}) {
  const { user, organization } = useSession();
  const myRole = (organization?.role ?? 'viewer') as TOrgRole;
  const mayChangeRole = usePermission('member:change_role');
  const mayRemove = usePermission('member:remove');
  const queryClient = useQueryClient();
  const saved = useSavedToast();
  const refresh = () => queryClient.invalidateQueries({ queryKey: membersKey(organizationId) });
  const change = useMutation({
    mutationFn: (v: { userId: string; role: TRole }) => changeMemberRole(organizationId, v.userId, v.role),
    onSuccess: async (r) => {
      await refresh();
      saved('Role changed', `Now ${r.role}.`);
    },
  });
  const remove = useMutation({
    mutationFn: (userId: string) => removeMember(organizationId, userId),
    onSuccess: async () => {
      await refresh();
      saved('Member removed');
    },
  });

  return (
    <>
      {change.isError && <ErrorAlert title="The role was not changed" error={change.error} />}
      {remove.isError && <ErrorAlert title="The member was not removed" error={remove.error} />}
      <Table<TMember>
        caption="Members"
        rows={members}
        rowKey={(m) => m.userId}
        columns={[
          {
            key: 'who',
            header: 'Member',
            cell: (m) => (
              <>
                {m.name ?? m.email}
                {m.userId === user?.id && ' (you)'}
                <br />
                <span className="muted">{m.email}</span>
              </>
            ),
          },
          {
            key: 'role',
            header: 'Role',
            cell: (m) => {
              const options = ORG_ROLES.filter((r) => r === m.role || canAssignOrgRole(myRole, m.role, r));
              const editable = mayChangeRole && m.userId !== user?.id && options.length > 1;
              if (!editable) return m.role;
              return (
                <select
                  className="input input--select"
                  aria-label={`Role of ${m.name ?? m.email}`}
                  value={m.role}
                  disabled={change.isPending}
                  onChange={(e) => change.mutate({ userId: m.userId, role: e.target.value as TRole })}
                >
                  {options.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              );
            },
          },
          { key: 'joined', header: 'Joined', cell: (m) => formatDateTime(m.joinedAt) },
          {
            key: 'actions',
            header: <span className="visually-hidden">Actions</span>,
            cell: (m) =>
              mayRemove && m.userId !== user?.id && (m.role !== 'owner' || myRole === 'owner') ? (
                <RemoveButton member={m} onConfirm={() => remove.mutate(m.userId)} busy={remove.isPending} />
              ) : null,
          },
        ]}
      />
    </>
  );
}

function RemoveButton({
  member,
  onConfirm,
  busy,
}: {
  member: TMember;
  onConfirm: () => void;
  busy: boolean;
}) {
  const [open, setOpen] = useState(false);
  const who = member.name ?? member.email;
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button size="sm" variant="danger" aria-label={`Remove ${who}`}>
          Remove
        </Button>
      }
      title={`Remove ${who}?`}
      description="They lose access to this organization at once, including their API keys' access."
      footer={
        <>
          <DialogClose asChild>
            <Button>Cancel</Button>
          </DialogClose>
          <Button
            variant="danger"
            loading={busy}
            onClick={() => {
              onConfirm();
              setOpen(false);
            }}
          >
            Remove
          </Button>
        </>
      }
    />
  );
}
