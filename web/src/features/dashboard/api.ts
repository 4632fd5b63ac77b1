import { client, request, type TApiData } from '../../lib/api-client.ts';

export type TRun = TApiData<'/api/v1/runs', 'get'>['data'][number];
export type TBudget = TApiData<'/api/v1/ai/budget', 'get'>;
export type TAiUsageSummary = TApiData<'/api/v1/ai/usage', 'get'>;

export const recentRunsKey = ['runs', 'recent'] as const;
export const budgetKey = ['ai', 'budget'] as const;
export const aiUsageKey = ['ai', 'usage', 'month'] as const;
export const organizationUsageKey = (id: string) => ['organizations', id, 'usage'] as const;

export const fetchRecentRuns = (signal?: AbortSignal) =>
  request(client.GET('/api/v1/runs', { params: { query: { limit: 8, order: 'desc' } }, signal }));

/** Names for the workflows the recent runs belong to (archived ones included). */
export const fetchWorkflowNames = async (signal?: AbortSignal): Promise<Map<string, string>> => {
  const page = await request(
    client.GET('/api/v1/workflows', { params: { query: { limit: 100, status: 'all' } }, signal }),
  );
  return new Map(page.data.map((w) => [w.id, w.name]));
};

export const fetchBudget = (signal?: AbortSignal) => request(client.GET('/api/v1/ai/budget', { signal }));

export const fetchOrganizationUsage = (id: string, signal?: AbortSignal) =>
  request(client.GET('/api/v1/organizations/{id}/usage', { params: { path: { id } }, signal }));

export const fetchAiUsage = (range: { from: string; to: string }, signal?: AbortSignal) =>
  request(client.GET('/api/v1/ai/usage', { params: { query: range }, signal }));

/** As openapi-fetch types it (a field typed only `null` may be left out). */
export type TOrganizationUsage = Awaited<ReturnType<typeof fetchOrganizationUsage>>;
