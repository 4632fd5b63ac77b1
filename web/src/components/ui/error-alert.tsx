import { ApiError } from '../../lib/api.ts';
import { Button } from './button.tsx';

/** Any thrown value as an ApiError, so every failure shows a message and a code. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : 'Something unexpected went wrong.';
  return new ApiError('UNEXPECTED_RESPONSE', message, { status: 0, cause: error });
}

/** Shows a failed API call with the server's message, code and request id, and an optional retry. */
export function ErrorAlert({
  title,
  error,
  onRetry,
}: {
  title: string;
  /** An ApiError from the API client; anything else is shown with code UNEXPECTED_RESPONSE. */
  error: unknown;
  onRetry?: () => void;
}) {
  const apiError = asApiError(error);
  return (
    <div className="alert" role="alert">
      <p className="alert__title">{title}</p>
      <p>{apiError.message}</p>
      <p className="alert__meta">
        <code>{apiError.code}</code>
        {apiError.status > 0 && <> · HTTP {apiError.status}</>}
        {apiError.requestId && (
          <>
            {' '}
            · request <code>{apiError.requestId}</code>
          </>
        )}
      </p>
      {apiError.details.length > 0 && (
        <ul className="alert__details">
          {apiError.details.map((detail, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: details have no id and never reorder.
            <li key={index}>{detail.field ? `${detail.field}: ${detail.message}` : detail.message}</li>
          ))}
        </ul>
      )}
      {onRetry && <Button onClick={onRetry}>Try again</Button>}
    </div>
  );
}
