import { useQuery } from '@tanstack/react-query';
import type { TSystemInfo } from '../../../contracts/system.ts';
import { api } from '../lib/api.ts';

export const CONFIG_KEY = ['system'] as const;

/**
 * The server's configuration as the app needs it (GET /api/v1/system: name, version, mode, database, cache).
 * It changes only with a restart, so it is read once per visit.
 */
export function useConfig() {
  return useQuery({
    queryKey: CONFIG_KEY,
    queryFn: ({ signal }) => api<TSystemInfo>('/api/v1/system', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
