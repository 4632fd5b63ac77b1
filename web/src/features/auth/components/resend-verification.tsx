import { useMutation } from '@tanstack/react-query';
import { Button } from '../../../components/ui/button.tsx';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { sendVerificationEmail } from '../api.ts';

/** Sends the confirmation mail again to `email` and says so. */
export function ResendVerification({ email, next }: { email: string; next?: string | null }) {
  const resend = useMutation({ mutationFn: () => sendVerificationEmail(email, next) });
  return (
    <div className="stack">
      {resend.isSuccess ? (
        <p role="status">
          A new confirmation link is on its way to <strong>{email}</strong>.
        </p>
      ) : (
        <Button onClick={() => resend.mutate()} loading={resend.isPending} disabled={!email}>
          Send the confirmation email again
        </Button>
      )}
      {resend.isError && <ErrorAlert title="Could not send the email" error={resend.error} />}
    </div>
  );
}
