import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { usePermission } from '../../../app/session.tsx';
import { Button, Card, EmptyState, ErrorAlert, Spinner, Table } from '../../../components/ui/index.ts';
import { deleteRoute, fetchProviders, fetchRoutes, providersKey, routesKey, type TRoute } from '../api/ai.ts';
import { AddRouteForm } from './add-route-form.tsx';
import { useSavedToast } from './save-status.ts';

/** Named routes: a strategy over targets with a fallback chain; callers pass the name as `route`. */
export function RoutesCard() {
  const mayManage = usePermission('ai_provider:manage');
  const queryClient = useQueryClient();
  const saved = useSavedToast();
  const routes = useQuery({ queryKey: routesKey, queryFn: ({ signal }) => fetchRoutes(signal) });
  const providers = useQuery({ queryKey: providersKey, queryFn: ({ signal }) => fetchProviders(signal) });
  const remove = useMutation({
    mutationFn: deleteRoute,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: routesKey });
      saved('Route deleted');
    },
  });
  const providerName = (id: string) =>
    id === 'local' ? 'local' : (providers.data?.data.find((p) => p.id === id)?.name ?? id);
  const describe = (targets: TRoute['targets']) =>
    targets
      .map((t) => `${providerName(t.provider)}/${t.model}${t.weight !== undefined ? ` ×${t.weight}` : ''}`)
      .join(', ');
  return (
    <Card title="Routes">
      {routes.isPending && <Spinner label="Loading routes…" />}
      {routes.isError && (
        <ErrorAlert
          title="Routes could not be loaded"
          error={routes.error}
          onRetry={() => routes.refetch()}
        />
      )}
      {remove.isError && <ErrorAlert title="The route was not deleted" error={remove.error} />}
      {routes.data?.data.length === 0 && (
        <EmptyState title="No routes yet">
          A route spreads calls over several targets and fails over between them.{' '}
          {mayManage ? 'Create one below.' : 'An admin can create one.'}
        </EmptyState>
      )}
      {routes.data && routes.data.data.length > 0 && (
        <Table<TRoute>
          caption="AI routes"
          rows={routes.data.data}
          rowKey={(r) => r.id}
          columns={[
            { key: 'name', header: 'Name', cell: (r) => <code>{r.name}</code> },
            { key: 'strategy', header: 'Strategy', cell: (r) => r.strategy },
            { key: 'targets', header: 'Targets', cell: (r) => describe(r.targets) },
            {
              key: 'fallback',
              header: 'Fallback',
              cell: (r) => (r.fallback.length ? describe(r.fallback) : 'none'),
            },
            {
              key: 'limits',
              header: 'Timeout / retries',
              cell: (r) => `${r.timeoutMs / 1000} s / ${r.maxRetries}`,
            },
            {
              key: 'actions',
              header: <span className="visually-hidden">Actions</span>,
              cell: (r) =>
                mayManage ? (
                  <Button
                    size="sm"
                    variant="danger"
                    onClick={() => remove.mutate(r.id)}
                    loading={remove.isPending && remove.variables === r.id}
                    aria-label={`Delete route ${r.name}`}
                  >
                    Delete
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      {mayManage && <AddRouteForm providers={providers.data?.data ?? []} />}
    </Card>
  );
}
