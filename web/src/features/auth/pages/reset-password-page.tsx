import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button.tsx';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { Input } from '../../../components/ui/field.tsx';
import { ApiError } from '../../../lib/api.ts';
import { PASSWORD_MAX, PASSWORD_MIN, resetPassword } from '../api.ts';
import { AuthCard } from '../components/auth-card.tsx';
import { fieldError } from '../components/field-errors.ts';

/** /reset-password?token=…: where the mailed link lands; sets the new password, then back to sign in. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token');
  const linkError = params.get('error');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [localError, setLocalError] = useState<{ field: 'password' | 'confirm'; message: string } | null>(
    null,
  );
  const mutation = useMutation({
    mutationFn: resetPassword,
    onSuccess: () => navigate('/sign-in?reset=1', { replace: true }),
  });

  if (linkError || !token) {
    return (
      <AuthCard title="Reset link not valid" footer={<Link to="/forgot-password">Ask for a new link</Link>}>
        <ErrorAlert
          title="This reset link cannot be used"
          error={
            new ApiError(
              'AUTHENTICATION_FAILED',
              'The link has expired, was already used or is incomplete.',
              {
                status: 0,
                details: [{ message: linkError ?? 'MISSING_TOKEN' }],
              },
            )
          }
        />
      </AuthCard>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password.length < PASSWORD_MIN) {
      setLocalError({ field: 'password', message: `Use at least ${PASSWORD_MIN} characters.` });
      return;
    }
    if (password !== confirm) {
      setLocalError({ field: 'confirm', message: 'The two passwords differ.' });
      return;
    }
    setLocalError(null);
    mutation.mutate({ token, newPassword: password });
  };

  return (
    <AuthCard title="Choose a new password" footer={<Link to="/sign-in">Back to sign in</Link>}>
      <form className="form" onSubmit={submit} noValidate>
        <Input
          label="New password"
          type="password"
          name="new-password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          hint={`At least ${PASSWORD_MIN} characters. Every other session will be signed out.`}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={
            localError?.field === 'password' ? localError.message : fieldError(mutation.error, 'newPassword')
          }
        />
        <Input
          label="Repeat the new password"
          type="password"
          name="confirm-password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={localError?.field === 'confirm' ? localError.message : undefined}
        />
        {mutation.isError && <ErrorAlert title="Could not change the password" error={mutation.error} />}
        <Button type="submit" variant="primary" loading={mutation.isPending}>
          Change password
        </Button>
      </form>
    </AuthCard>
  );
}
