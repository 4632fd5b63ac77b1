import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { canAssignOrgRole, ORG_ROLES, type TOrgRole } from '../../../../../contracts/permissions/index.ts';
import { Button, ErrorAlert, Input, Select } from '../../../components/ui/index.ts';
import { invitationsKey, inviteMember, type TRole } from '../api/members.ts';
import { useSavedToast } from './save-status.ts';

/** Invite by email with a role; only roles the inviter may hand out are offered (the server checks again). */
export function InviteForm({ organizationId, myRole }: { organizationId: string; myRole: TOrgRole }) {
  const queryClient = useQueryClient();
  const saved = useSavedToast();
  const roles = ORG_ROLES.filter((r) => canAssignOrgRole(myRole, undefined, r));
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<TRole>(
    roles.includes('developer') ? 'developer' : (roles.at(-1) ?? 'viewer'),
  );
  const [emailError, setEmailError] = useState<string>();
  const invite = useMutation({
    mutationFn: () => inviteMember(organizationId, { email: email.trim(), role }),
    onSuccess: async (invitation) => {
      setEmail('');
      await queryClient.invalidateQueries({ queryKey: invitationsKey(organizationId) });
      saved('Invitation sent', `${invitation.email} was invited as ${invitation.role}.`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setEmailError('Enter an email address, like name@example.com.');
      return;
    }
    setEmailError(undefined);
    invite.mutate();
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label="Invite a member">
      <Input
        label="Email"
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={emailError}
        autoComplete="off"
      />
      <Select
        label="Role"
        options={roles.map((r) => ({ value: r, label: r }))}
        value={role}
        onChange={(e) => setRole(e.target.value as TRole)}
      />
      <Button type="submit" variant="primary" loading={invite.isPending}>
        Invite
      </Button>
      {invite.isError && <ErrorAlert title="The invitation was not sent" error={invite.error} />}
    </form>
  );
}
