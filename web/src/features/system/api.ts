import type { TSystemInfo } from '../../../../contracts/system.ts';
import { useApi } from '../../lib/use-api.ts';

export type { TSystemInfo };

/** The body of GET /ready: 200 when every check passes, 503 (same shape) when one fails. */
export interface TReadiness {
  status: string;
  checks?: Record<string, unknown>;
}

const READY_ACCEPT_STATUS = [503] as const;

/** What this server is and how it runs: GET /api/v1/system. */
export const useSystemInfo = () => useApi<TSystemInfo>('/api/v1/system');

/** Whether this server can take traffic, check by check: GET /ready. */
export const useReadiness = () => useApi<TReadiness>('/ready', { acceptStatus: READY_ACCEPT_STATUS });
