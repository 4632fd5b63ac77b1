import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { usePermission } from '../../../app/session.tsx';
import { Badge, Button, Card, EmptyState, ErrorAlert, Spinner, Table } from '../../../components/ui/index.ts';
import {
  deleteProvider,
  fetchProviders,
  providersKey,
  type TConnectionResult,
  type TProvider,
  testProvider,
} from '../api/ai.ts';
import { AddProviderForm } from './add-provider-form.tsx';
import { useSavedToast } from './save-status.ts';

const KIND = { openai: 'OpenAI', anthropic: 'Anthropic', 'openai-compatible': 'OpenAI-compatible' } as const;

/** The organization's AI providers: add (key sealed, never shown again), test the connection, delete. */
export function ProvidersCard() {
  const mayManage = usePermission('ai_provider:manage');
  const queryClient = useQueryClient();
  const saved = useSavedToast();
  const providers = useQuery({ queryKey: providersKey, queryFn: ({ signal }) => fetchProviders(signal) });
  const [results, setResults] = useState<Record<string, TConnectionResult>>({});
  const test = useMutation({
    mutationFn: testProvider,
    onSuccess: (result, id) => setResults((r) => ({ ...r, [id]: result })),
  });
  const remove = useMutation({
    mutationFn: deleteProvider,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['ai'] });
      saved('Provider deleted');
    },
  });
  return (
    <Card title="Providers">
      {providers.isPending && <Spinner label="Loading providers…" />}
      {providers.isError && (
        <ErrorAlert
          title="Providers could not be loaded"
          error={providers.error}
          onRetry={() => providers.refetch()}
        />
      )}
      {test.isError && <ErrorAlert title="The connection test could not run" error={test.error} />}
      {remove.isError && <ErrorAlert title="The provider was not deleted" error={remove.error} />}
      {providers.data?.data.length === 0 && (
        <EmptyState title="No providers yet">
          The built-in local model always works without one.{' '}
          {mayManage
            ? 'Add OpenAI, Anthropic or your own OpenAI-compatible server below to use real models.'
            : 'An admin can add OpenAI, Anthropic or an OpenAI-compatible server.'}
        </EmptyState>
      )}
      {providers.data && providers.data.data.length > 0 && (
        <Table<TProvider>
          caption="AI providers"
          rows={providers.data.data}
          rowKey={(p) => p.id}
          columns={[
            { key: 'name', header: 'Name', cell: (p) => p.name },
            { key: 'kind', header: 'Kind', cell: (p) => KIND[p.kind] },
            {
              key: 'url',
              header: 'Base URL',
              cell: (p) => (p.baseUrl ? <code>{p.baseUrl}</code> : 'default'),
            },
            { key: 'key', header: 'Key', cell: (p) => (p.apiKeyHint ? <code>{p.apiKeyHint}</code> : 'none') },
            {
              key: 'status',
              header: 'Status',
              cell: (p) => <Badge tone={p.status === 'active' ? 'ok' : 'neutral'}>{p.status}</Badge>,
            },
            {
              key: 'test',
              header: 'Connection',
              cell: (p) => (
                <ConnectionResult
                  result={results[p.id]}
                  testing={test.isPending && test.variables === p.id}
                />
              ),
            },
            {
              key: 'actions',
              header: <span className="visually-hidden">Actions</span>,
              cell: (p) =>
                mayManage ? (
                  <div className="row-actions">
                    <Button
                      size="sm"
                      onClick={() => test.mutate(p.id)}
                      loading={test.isPending && test.variables === p.id}
                      aria-label={`Test the connection to ${p.name}`}
                    >
                      Test
                    </Button>
                    <Button
                      size="sm"
                      variant="danger"
                      onClick={() => remove.mutate(p.id)}
                      loading={remove.isPending && remove.variables === p.id}
                      aria-label={`Delete ${p.name}`}
                    >
                      Delete
                    </Button>
                  </div>
                ) : null,
            },
          ]}
        />
      )}
      {mayManage && <AddProviderForm />}
    </Card>
  );
}

function ConnectionResult({ result, testing }: { result: TConnectionResult | undefined; testing: boolean }) {
  if (testing) return <span className="muted">testing…</span>;
  if (!result) return <span className="muted">not tested</span>;
  if (result.ok) {
    return (
      <span role="status">
        <Badge tone="ok">connected</Badge> {result.latencyMs} ms
        {result.models !== undefined ? `, ${result.models} models` : ''}
      </span>
    );
  }
  return (
    <span role="status">
      <Badge tone="error">failed</Badge> {result.message ?? 'No answer'}
      {result.code && (
        <>
          {' '}
          <code>{result.code}</code>
        </>
      )}
      {result.status !== undefined && ` (HTTP ${result.status})`}
    </span>
  );
}
