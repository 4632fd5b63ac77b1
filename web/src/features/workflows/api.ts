import { useQuery } from '@tanstack/react-query';
import {
  TERMINAL_RUN,
  TERMINAL_STEP,
  type TRunStatus,
  type TStepStatus,
} from '../../../../contracts/orchestration/index.ts';
import { client, request, type TApiData } from '../../lib/api-client.ts';
import type { TWorkflowDefinition } from './definition.ts';

export type TWorkflow = TApiData<'/api/v1/workflows/{id}', 'get'>;
export type TWorkflowSummary = TApiData<'/api/v1/workflows', 'get'>['data'][number];
export type TTemplate = TApiData<'/api/v1/workflows/templates', 'get'>['data'][number];
export type TVersionSummary = TApiData<'/api/v1/workflows/{id}/versions', 'get'>['data'][number];
export type TRun = TApiData<'/api/v1/runs/{id}', 'get'>;
export type TRunSummary = TApiData<'/api/v1/runs', 'get'>['data'][number];
export type TRunStep = TRun['steps'][number];
export type TApproval = TApiData<'/api/v1/approvals', 'get'>['data'][number];

export { TERMINAL_RUN, TERMINAL_STEP, type TRunStatus, type TStepStatus };

export const workflowKeys = {
  all: ['workflows'] as const,
  one: (id: string) => ['workflows', id] as const,
  versions: (id: string) => ['workflows', id, 'versions'] as const,
  version: (id: string, version: number) => ['workflows', id, 'versions', version] as const,
  templates: ['workflows', 'templates'] as const,
};
export const runKeys = {
  list: (workflowId?: string) => ['runs', 'list', workflowId ?? 'all'] as const,
  one: (id: string) => ['runs', id] as const,
};
export const approvalKeys = {
  pending: (runId?: string) => ['approvals', 'pending', runId ?? 'all'] as const,
};

export function useWorkflows() {
  return useQuery({
    queryKey: workflowKeys.all,
    queryFn: ({ signal }) =>
      request(
        client.GET('/api/v1/workflows', {
          params: { query: { limit: 100, sort: 'updatedAt', order: 'desc' } },
          signal,
        }),
      ),
  });
}

export function useWorkflow(id: string) {
  return useQuery({
    queryKey: workflowKeys.one(id),
    queryFn: ({ signal }) =>
      request(client.GET('/api/v1/workflows/{id}', { params: { path: { id } }, signal })),
    // The editor holds unsaved work: a background refetch must not look like a change under the user.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: workflowKeys.templates,
    queryFn: ({ signal }) => request(client.GET('/api/v1/workflows/templates', { signal })),
    staleTime: 5 * 60_000,
  });
}

export function useVersions(id: string) {
  return useQuery({
    queryKey: workflowKeys.versions(id),
    queryFn: ({ signal }) =>
      request(
        client.GET('/api/v1/workflows/{id}/versions', {
          params: { path: { id }, query: { limit: 100, order: 'desc' } },
          signal,
        }),
      ),
  });
}

/** One version's definition (a run keeps the version it started with). */
export function useVersion(id: string, version: number | undefined) {
  return useQuery({
    queryKey: workflowKeys.version(id, version ?? 0),
    queryFn: ({ signal }) =>
      request(
        client.GET('/api/v1/workflows/{id}/versions/{version}', {
          params: { path: { id, version: version ?? 0 } },
          signal,
        }),
      ),
    enabled: id !== '' && version !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Runs, newest first; refreshed while any is still going. */
export function useRuns(workflowId?: string, limit = 50) {
  return useQuery({
    queryKey: [...runKeys.list(workflowId), limit],
    queryFn: ({ signal }) =>
      request(
        client.GET('/api/v1/runs', {
          params: { query: { limit, order: 'desc', ...(workflowId ? { workflowId } : {}) } },
          signal,
        }),
      ),
    refetchInterval: (query) =>
      query.state.data?.data.some((r) => !TERMINAL_RUN.has(r.status)) ? 3000 : false,
  });
}

export function useRun(id: string) {
  return useQuery({
    queryKey: runKeys.one(id),
    queryFn: ({ signal }) => request(client.GET('/api/v1/runs/{id}', { params: { path: { id } }, signal })),
  });
}

export function usePendingApprovals(runId?: string) {
  return useQuery({
    queryKey: approvalKeys.pending(runId),
    queryFn: ({ signal }) =>
      request(
        client.GET('/api/v1/approvals', {
          params: { query: { status: 'pending', limit: 100, order: 'asc', ...(runId ? { runId } : {}) } },
          signal,
        }),
      ),
    refetchInterval: 5000,
  });
}

export const createWorkflow = (name: string, definition: TWorkflowDefinition) =>
  request(client.POST('/api/v1/workflows', { body: { name, definition: { ...definition } } }));
export const createFromTemplate = (templateId: string, name: string) =>
  request(client.POST('/api/v1/workflows/from-template', { body: { templateId, name } }));
export const saveVersion = (id: string, definition: TWorkflowDefinition) =>
  request(
    client.POST('/api/v1/workflows/{id}/versions', {
      params: { path: { id } },
      body: { definition: { ...definition } },
    }),
  );
export const updateWorkflow = (id: string, body: { name?: string; currentVersion?: number }) =>
  request(client.PATCH('/api/v1/workflows/{id}', { params: { path: { id } }, body }));
export const executeWorkflow = (id: string, input: unknown) =>
  request(client.POST('/api/v1/workflows/{id}/execute', { params: { path: { id } }, body: { input } }));
export const cancelRun = (id: string) =>
  request(client.POST('/api/v1/runs/{id}/cancel', { params: { path: { id } } }));
export const decideApproval = (id: string, decision: 'approved' | 'rejected', comment?: string) =>
  request(
    client.POST('/api/v1/approvals/{id}/decide', {
      params: { path: { id } },
      body: { decision, ...(comment ? { comment } : {}) },
    }),
  );
