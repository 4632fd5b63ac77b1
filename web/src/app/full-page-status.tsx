import { ErrorAlert } from '../components/ui/error-alert.tsx';
import { Spinner } from '../components/ui/spinner.tsx';

/** What the whole window shows while the session loads, or when it cannot be loaded. */
export function FullPageStatus({ error, onRetry }: { error?: unknown; onRetry?: () => void }) {
  return (
    <main id="main" className="full-page-status">
      {error ? (
        <ErrorAlert title="FlashFusion could not load your session" error={error} onRetry={onRetry} />
      ) : (
        <Spinner label="Loading FlashFusion…" />
      )}
    </main>
  );
}
