import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../../app/session.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { AuthCard } from '../../auth/components/auth-card.tsx';
import { acceptInvitation } from '../api.ts';

/**
 * /invitations/accept?token=…: where the invitation email's link lands. Signed out, it asks to sign in or
 * sign up first and comes back; signed in, one click joins and switches to the organization.
 */
export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const accept = useMutation({
    mutationFn: () => acceptInvitation(token),
    onSuccess: async (membership) => {
      await session.switchOrganization(membership.organizationId);
      await queryClient.invalidateQueries();
      navigate('/', { replace: true });
    },
  });

  if (!token) {
    return (
      <AuthCard title="Invitation link incomplete" footer={<Link to="/">Go to FlashFusion</Link>}>
        <p>
          This link has no invitation token. Open the link from the email again, or ask for a new invitation.
        </p>
      </AuthCard>
    );
  }
  if (session.status === 'loading') {
    return (
      <AuthCard title="Join an organization">
        <Spinner label="Checking your session…" />
      </AuthCard>
    );
  }
  if (session.status === 'error') {
    return (
      <AuthCard title="Join an organization">
        <ErrorAlert title="Could not load your session" error={session.error} onRetry={session.refresh} />
      </AuthCard>
    );
  }
  if (session.status === 'signed-out') {
    const next = encodeURIComponent(`/invitations/accept?token=${encodeURIComponent(token)}`);
    return (
      <AuthCard
        title="You are invited"
        lead="Sign in, or create an account with the invited email address, to join the organization."
      >
        <div className="button-row">
          <Link className="button button--primary" to={`/sign-in?next=${next}`}>
            Sign in to accept
          </Link>
          <Link className="button button--secondary" to={`/sign-up?next=${next}`}>
            Create an account
          </Link>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="You are invited"
      lead={
        <>
          Accept to join the organization as <strong>{session.user?.email}</strong>. The invitation must have
          been sent to this address.
        </>
      }
    >
      {accept.isError && <ErrorAlert title="Could not accept the invitation" error={accept.error} />}
      <Button variant="primary" loading={accept.isPending} onClick={() => accept.mutate()}>
        Accept invitation
      </Button>
    </AuthCard>
  );
}
