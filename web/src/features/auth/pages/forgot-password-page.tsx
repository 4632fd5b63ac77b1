import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button.tsx';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { Input } from '../../../components/ui/field.tsx';
import { requestPasswordReset } from '../api.ts';
import { AuthCard } from '../components/auth-card.tsx';
import { fieldError } from '../components/field-errors.ts';

/** /forgot-password: asks the server to mail a reset link (it answers the same whether the account exists). */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const mutation = useMutation({ mutationFn: requestPasswordReset });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(email.trim());
  };
  return (
    <AuthCard
      title="Reset your password"
      lead="Enter the email of your account and we will send you a link to choose a new password."
      footer={<Link to="/sign-in">Back to sign in</Link>}
    >
      {mutation.isSuccess ? (
        <p role="status">
          If an account uses <strong>{mutation.variables}</strong>, a reset link is on its way. It is valid
          for one hour.
        </p>
      ) : (
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
          {mutation.isError && <ErrorAlert title="Could not send the link" error={mutation.error} />}
          <Button type="submit" variant="primary" loading={mutation.isPending}>
            Send reset link
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
