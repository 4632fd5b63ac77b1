import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '../../../app/guards.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { Input } from '../../../components/ui/field.tsx';
import { signIn } from '../api.ts';
import { AuthCard } from '../components/auth-card.tsx';
import { fieldError, isEmailNotVerified } from '../components/field-errors.ts';
import { ResendVerification } from '../components/resend-verification.tsx';

/** /sign-in: email and password; then on to ?next= (or the dashboard / onboarding). */
export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: async () => {
      // The session cookie is set; re-read who is signed in, then leave this page.
      await queryClient.invalidateQueries();
      navigate(safeNext(params.get('next')), { replace: true });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ email: email.trim(), password });
  };
  const notVerified = mutation.isError && isEmailNotVerified(mutation.error);

  return (
    <AuthCard
      title="Sign in"
      lead={params.get('reset') === '1' ? 'Your password was changed. Sign in with the new one.' : undefined}
      footer={
        <>
          <p>
            <Link to="/forgot-password">Forgot your password?</Link>
          </p>
          <p>
            New to FlashFusion? <Link to="/sign-up">Create an account</Link>
          </p>
        </>
      }
    >
      <form className="form" onSubmit={submit} noValidate>
        <Input
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(mutation.error, 'email')}
        />
        <Input
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError(mutation.error, 'password')}
        />
        {mutation.isError && <ErrorAlert title="Could not sign in" error={mutation.error} />}
        {notVerified && <ResendVerification email={email.trim()} next={params.get('next')} />}
        <Button type="submit" variant="primary" loading={mutation.isPending}>
          Sign in
        </Button>
      </form>
    </AuthCard>
  );
}
