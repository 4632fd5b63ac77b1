import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageStatus } from './full-page-status.tsx';
import { useSession } from './session.tsx';

/** Where to go after signing in: a same-app path only (an absolute URL here would be an open redirect). */
export function safeNext(next: string | null): string {
  // `//host` and `/\host` are other origins to a URL parser.
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

function SessionGate({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session.status === 'loading') return <FullPageStatus />;
  if (session.status === 'error') return <FullPageStatus error={session.error} onRetry={session.refresh} />;
  return children;
}

/** Signed out → /sign-in, remembering where the user wanted to go. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <SessionGate>{children}</SessionGate>;
}

/** Signed in without any organization → /onboarding. */
export function RequireOrganization({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session.status === 'signed-in' && !session.organization) return <Navigate to="/onboarding" replace />;
  return <RequireSession>{children}</RequireSession>;
}

/** Sign-in and sign-up are for signed-out visitors; a signed-in one goes on to the app. */
export function PublicOnly({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'signed-in') {
    return <Navigate to={safeNext(new URLSearchParams(location.search).get('next'))} replace />;
  }
  return <SessionGate>{children}</SessionGate>;
}
