import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorAlert } from '../components/ui/error-alert.tsx';
import { NotFound } from './not-found.tsx';

// A lazy route whose chunk cannot be fetched (offline, or a new deploy removed it) throws this kind of error.
const isChunkLoadError = (error: unknown) =>
  error instanceof TypeError &&
  /dynamically imported module|Importing a module script failed/i.test(error.message);

/** The error boundary of every route: the error's message and code, never a blank screen. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  if (isChunkLoadError(error)) {
    return (
      <section className="page-error" aria-labelledby="page-error-title">
        <h1 id="page-error-title">This page could not be loaded</h1>
        <p>Part of the app could not be downloaded. Check your connection, then reload the page.</p>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </section>
    );
  }
  return (
    <section className="page-error" aria-labelledby="page-error-title">
      <h1 id="page-error-title">Something went wrong</h1>
      <ErrorAlert
        title="This page failed"
        error={isRouteErrorResponse(error) ? new Error(error.statusText) : error}
      />
      <p>
        <Link to="/">Go to the dashboard</Link>
      </p>
    </section>
  );
}
