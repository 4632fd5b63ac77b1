import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, type TRequestOptions } from './api.ts';

export type TApiState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'success'; data: T };

/** Loads `path` on mount and on `reload()`, cancelling a request that is no longer wanted. */
export function useApi<T>(
  path: string,
  opts: Pick<TRequestOptions<T>, 'acceptStatus' | 'parse'> = {},
): TApiState<T> & { reload: () => void } {
  const [state, setState] = useState<TApiState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const { acceptStatus, parse } = opts;
  const acceptKey = acceptStatus?.join(',');

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the request; `acceptKey` stands in for the array.
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    api<T>(path, { signal: controller.signal, acceptStatus, parse }).then(
      (data) => setState({ status: 'success', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', error: asApiError(error) });
      },
    );
    return () => controller.abort();
  }, [path, acceptKey, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : 'Unexpected error';
  return new ApiError('UNEXPECTED_RESPONSE', message, { status: 0, cause: error });
}
