import { client, request, type TApiData } from '../../../lib/api-client.ts';

export type TAuditEvent = TApiData<'/api/v1/audit', 'get'>['data'][number];
export const AUDIT_PAGE = 25;

export const auditKey = (offset: number, type: string) => ['audit', { offset, type }] as const;

export const fetchAudit = (offset: number, type: string, signal?: AbortSignal) =>
  request(
    client.GET('/api/v1/audit', {
      params: { query: { limit: AUDIT_PAGE, offset, order: 'desc', ...(type ? { type } : {}) } },
      signal,
    }),
  );
