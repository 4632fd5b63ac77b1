import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../../app/session.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { Input } from '../../../components/ui/field.tsx';
import { AuthCard } from '../../auth/components/auth-card.tsx';
import { fieldError } from '../../auth/components/field-errors.ts';
import { createOrganization, invitationTokenFrom } from '../api.ts';

/** /onboarding: create an organization, or join one with an invitation link. */
export function OnboardingPage() {
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [name, setName] = useState('');
  const [invitation, setInvitation] = useState('');
  const [invitationError, setInvitationError] = useState<string | undefined>();
  const create = useMutation({
    mutationFn: createOrganization,
    onSuccess: async (organization) => {
      // A new organization is not active by itself when the user already has one: make it so.
      if (session.organization) await session.switchOrganization(organization.id);
      await queryClient.invalidateQueries();
      navigate('/', { replace: true });
    },
  });
  // A new user without an organization has no shell (and no account menu) yet: sign-out lives here.
  const signOut = async () => {
    await session.signOut();
    navigate('/sign-in', { replace: true });
  };
  const addingAnother = params.get('new') === '1' || session.organizations.length > 0;

  const submitCreate = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim() });
  };
  const submitJoin = (event: FormEvent) => {
    event.preventDefault();
    const token = invitationTokenFrom(invitation);
    if (!token) {
      setInvitationError('Paste the link from the invitation email (it contains token=…).');
      return;
    }
    setInvitationError(undefined);
    navigate(`/invitations/accept?token=${encodeURIComponent(token)}`);
  };

  return (
    <AuthCard
      title={addingAnother ? 'Create an organization' : 'Welcome to FlashFusion'}
      lead={
        addingAnother
          ? 'Organizations keep their agents, workflows, keys and members apart.'
          : 'Everything you build lives in an organization. Create one for your team, or join one you were invited to.'
      }
      footer={
        <p>
          Signed in as {session.user?.email}.{' '}
          {session.organization ? (
            <Link to="/">Back to the app</Link>
          ) : (
            <button type="button" className="link-button" onClick={() => void signOut()}>
              Sign out
            </button>
          )}
        </p>
      }
    >
      <form className="form" onSubmit={submitCreate} noValidate aria-labelledby="create-org-title">
        <h2 id="create-org-title" className="form__title">
          Create an organization
        </h2>
        <Input
          label="Organization name"
          name="organization-name"
          autoComplete="organization"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError(create.error, 'name')}
        />
        {create.isError && <ErrorAlert title="Could not create the organization" error={create.error} />}
        <Button type="submit" variant="primary" loading={create.isPending} disabled={!name.trim()}>
          Create organization
        </Button>
      </form>
      <form
        className="form form--secondary"
        onSubmit={submitJoin}
        noValidate
        aria-labelledby="join-org-title"
      >
        <h2 id="join-org-title" className="form__title">
          Join with an invitation
        </h2>
        <Input
          label="Invitation link"
          name="invitation"
          hint="The link from the invitation email."
          value={invitation}
          onChange={(e) => setInvitation(e.target.value)}
          error={invitationError}
        />
        <Button type="submit">Continue</Button>
      </form>
    </AuthCard>
  );
}
