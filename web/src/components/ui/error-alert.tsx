import type { ApiError } from '../../lib/api.ts';
import { Button } from './button.tsx';

/** Shows a failed API call with the server's message and code, and an optional retry. */
export function ErrorAlert({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: ApiError;
  onRetry?: () => void;
}) {
  return (
    <div className="alert" role="alert">
      <p className="alert__title">{title}</p>
      <p>{error.message}</p>
      <p className="alert__meta">
        <code>{error.code}</code>
        {error.status > 0 && <> · HTTP {error.status}</>}
        {error.requestId && (
          <>
            {' '}
            · request <code>{error.requestId}</code>
          </>
        )}
      </p>
      {error.details.length > 0 && (
        <ul className="alert__details">
          {error.details.map((detail, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: details have no id and never reorder.
            <li key={index}>{detail.field ? `${detail.field}: ${detail.message}` : detail.message}</li>
          ))}
        </ul>
      )}
      {onRetry && <Button onClick={onRetry}>Try again</Button>}
    </div>
  );
}
