import { useQuery } from '@tanstack/react-query';
import { client, request, type TApiBody, type TApiData } from '../../lib/api-client.ts';

export type TAgent = TApiData<'/api/v1/agents/{id}', 'get'>;
export type TAgentStatus = TAgent['status'];
export type TAgentPerformance = TApiData<'/api/v1/agents/{id}/performance', 'get'>;
export type TCreateAgentBody = TApiBody<'/api/v1/agents', 'post'>;
export type TUpdateAgentBody = TApiBody<'/api/v1/agents/{id}', 'patch'>;
export type TAiModel = TApiData<'/api/v1/ai/models', 'get'>['data'][number];
export type TAiRoute = TApiData<'/api/v1/ai/routes', 'get'>['data'][number];

export { AGENT_TYPES, type TAgentType } from '../../../../contracts/orchestration/index.ts';

// Status and metrics change as runs execute elsewhere; a few seconds of staleness is fine for a list.
export const STATUS_REFRESH_MS = 5000;

export const agentKeys = {
  all: ['agents'] as const,
  one: (id: string) => ['agents', id] as const,
  performance: (id: string, since?: string) => ['agents', id, 'performance', since ?? 'all'] as const,
};

/** Every agent of the organization (the API caps a page at 100), refreshed for live status. */
export function useAgents() {
  return useQuery({
    queryKey: agentKeys.all,
    queryFn: ({ signal }) =>
      request(client.GET('/api/v1/agents', { params: { query: { limit: 100, sort: 'name' } }, signal })),
    refetchInterval: STATUS_REFRESH_MS,
  });
}

export function useAgent(id: string) {
  return useQuery({
    queryKey: agentKeys.one(id),
    queryFn: ({ signal }) => request(client.GET('/api/v1/agents/{id}', { params: { path: { id } }, signal })),
    refetchInterval: STATUS_REFRESH_MS,
  });
}

export function useAgentPerformance(id: string, since?: string) {
  return useQuery({
    queryKey: agentKeys.performance(id, since),
    queryFn: ({ signal }) =>
      request(
        client.GET('/api/v1/agents/{id}/performance', {
          params: { path: { id }, query: since ? { since } : {} },
          signal,
        }),
      ),
    refetchInterval: STATUS_REFRESH_MS,
  });
}

/** The models the organization may call (instance catalogue and its own). */
export function useAiModels() {
  return useQuery({
    queryKey: ['ai', 'models'],
    queryFn: ({ signal }) =>
      request(client.GET('/api/v1/ai/models', { params: { query: { limit: 100 } }, signal })),
    staleTime: 60_000,
  });
}

/** The organization's AI gateway routes. */
export function useAiRoutes() {
  return useQuery({
    queryKey: ['ai', 'routes'],
    queryFn: ({ signal }) =>
      request(client.GET('/api/v1/ai/routes', { params: { query: { limit: 100 } }, signal })),
    staleTime: 60_000,
  });
}

export const createAgent = (body: TCreateAgentBody) => request(client.POST('/api/v1/agents', { body }));
export const updateAgent = (id: string, body: TUpdateAgentBody) =>
  request(client.PATCH('/api/v1/agents/{id}', { params: { path: { id } }, body }));
export const deleteAgent = (id: string) =>
  request(client.DELETE('/api/v1/agents/{id}', { params: { path: { id } } }));

/**
 * The `model` string the AI gateway resolves for a catalogue entry: `local`, `<providerId>:<model>` for an
 * organization's own provider, or the catalogue id served by the organization's provider of that kind.
 */
export function modelRef(model: TAiModel): string {
  if (model.providerKind === 'local') return model.model;
  return model.providerId ? `${model.providerId}:${model.model}` : model.model;
}
