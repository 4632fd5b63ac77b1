import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { ApiError } from '../../../lib/api.ts';
import { AuthCard } from '../components/auth-card.tsx';
import { ResendVerification } from '../components/resend-verification.tsx';

// better-auth redirects here from the mailed link, adding ?error=<code> when the token was refused.
const LINK_ERRORS: Record<string, string> = {
  TOKEN_EXPIRED: 'This confirmation link has expired.',
  INVALID_TOKEN: 'This confirmation link is not valid.',
  USER_NOT_FOUND: 'The account of this confirmation link no longer exists.',
  INVALID_USER: 'This link belongs to another account than the one signed in.',
};

/** /verify-email: "check your inbox" after sign-up, and where the mailed link lands (confirmed or refused). */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const email = params.get('email') ?? '';
  const error = params.get('error');
  const next = params.get('next');
  const signIn = `/sign-in?${new URLSearchParams({ ...(email ? { email } : {}), ...(next ? { next } : {}) })}`;

  if (error) {
    const message = LINK_ERRORS[error] ?? 'This confirmation link could not be used.';
    return (
      <AuthCard title="Email not confirmed" footer={<Link to="/sign-in">Back to sign in</Link>}>
        <ErrorAlert
          title="The link did not work"
          error={new ApiError('AUTHENTICATION_FAILED', message, { status: 0, details: [{ message: error }] })}
        />
        <p>Sign in to get a new link, or enter your email on the sign-in page after a failed attempt.</p>
      </AuthCard>
    );
  }
  if (params.get('verified') === '1') {
    return (
      <AuthCard title="Email confirmed" lead="Your address is confirmed. You can sign in now.">
        <Link className="button button--primary" to={signIn}>
          Sign in
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Check your email"
      lead={
        email ? (
          <>
            We sent a confirmation link to <strong>{email}</strong>. Open it to activate your account.
          </>
        ) : (
          'We sent you a confirmation link. Open it to activate your account.'
        )
      }
      footer={<Link to={signIn}>Already confirmed? Sign in</Link>}
    >
      {email && <ResendVerification email={email} next={next} />}
    </AuthCard>
  );
}
