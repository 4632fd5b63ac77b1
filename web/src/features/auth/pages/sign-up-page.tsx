import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button.tsx';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { Input } from '../../../components/ui/field.tsx';
import { PASSWORD_MAX, PASSWORD_MIN, signUp } from '../api.ts';
import { AuthCard } from '../components/auth-card.tsx';
import { fieldError } from '../components/field-errors.ts';

/** /sign-up: name, email, password; the server mails a confirmation link, /verify-email says so. */
export function SignUpPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const mutation = useMutation({
    mutationFn: signUp,
    onSuccess: (_data, variables) => {
      const next = params.get('next');
      const query = new URLSearchParams({ email: variables.email, ...(next ? { next } : {}) });
      navigate(`/verify-email?${query}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const short = password.length < PASSWORD_MIN;
    setTooShort(short);
    if (short) return;
    mutation.mutate({ name: name.trim(), email: email.trim(), password, next: params.get('next') });
  };

  return (
    <AuthCard
      title="Create your account"
      lead="One account works across every organization you belong to."
      footer={
        <p>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </p>
      }
    >
      <form className="form" onSubmit={submit} noValidate>
        <Input
          label="Name"
          name="name"
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError(mutation.error, 'name')}
        />
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
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          hint={`At least ${PASSWORD_MIN} characters.`}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={
            tooShort ? `Use at least ${PASSWORD_MIN} characters.` : fieldError(mutation.error, 'password')
          }
        />
        {mutation.isError && <ErrorAlert title="Could not create the account" error={mutation.error} />}
        <Button type="submit" variant="primary" loading={mutation.isPending}>
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}
