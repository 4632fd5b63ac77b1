import { Link, useLocation } from 'react-router';
import { PageHeader } from '../components/ui/page-header.tsx';

/** Any path no route claims (the server answers such paths with index.html so the app can say so). */
export function NotFound() {
  const location = useLocation();
  return (
    <section className="page-error">
      <PageHeader
        title="Page not found"
        description={
          <>
            Nothing lives at <code>{location.pathname}</code>.
          </>
        }
      />
      <p>
        <Link to="/">Go to the dashboard</Link>
      </p>
    </section>
  );
}
