import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { usePermission, useSession } from '../../../app/session.tsx';
import {
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorAlert,
  PageHeader,
  Spinner,
  Table,
} from '../../../components/ui/index.ts';
import { formatDateTime } from '../../dashboard/format.ts';
import { API_KEYS_PAGE, apiKeysKey, fetchApiKeys, revokeApiKey, type TApiKey } from '../api/api-keys.ts';
import { CreateApiKeyForm } from '../components/create-api-key-form.tsx';
import { Pager } from '../components/pager.tsx';
import { useSavedToast } from '../components/save-status.ts';

function keyState(key: TApiKey): { label: string; tone: 'ok' | 'neutral' | 'error' } {
  if (key.revokedAt) return { label: 'revoked', tone: 'neutral' };
  if (key.expiresAt && Date.parse(key.expiresAt) <= Date.now()) return { label: 'expired', tone: 'error' };
  return { label: 'active', tone: 'ok' };
}

/** /settings/api-keys: create (shown once), list and revoke API keys. */
export function ApiKeysPage() {
  const { user } = useSession();
  const mayRevokeAny = usePermission('api_key:revoke');
  const mayReadAll = usePermission('api_key:read');
  const [offset, setOffset] = useState(0);
  const queryClient = useQueryClient();
  const saved = useSavedToast();
  const keys = useQuery({
    queryKey: apiKeysKey(offset),
    queryFn: ({ signal }) => fetchApiKeys(offset, signal),
  });
  const revoke = useMutation({
    mutationFn: revokeApiKey,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['api-keys'] });
      saved('Key revoked', 'Requests with it are refused from now on.');
    },
  });

  return (
    <>
      <PageHeader
        title="API keys"
        description={`Keys for scripts and the OpenAI-compatible /v1 endpoint. ${mayReadAll ? 'You see every key of the organization.' : 'You see your own keys.'}`}
      />
      <Card title="Create a key">
        <CreateApiKeyForm />
      </Card>
      <Card title="Keys">
        {keys.isPending && <Spinner label="Loading keys…" />}
        {keys.isError && (
          <ErrorAlert title="Keys could not be loaded" error={keys.error} onRetry={() => keys.refetch()} />
        )}
        {revoke.isError && <ErrorAlert title="The key was not revoked" error={revoke.error} />}
        {keys.data && keys.data.data.length === 0 && (
          <EmptyState title="No API keys yet">
            Create one above to call the API from scripts, CI or an OpenAI client.
          </EmptyState>
        )}
        {keys.data && keys.data.data.length > 0 && (
          <>
            <Table<TApiKey>
              caption="API keys"
              rows={keys.data.data}
              rowKey={(k) => k.id}
              columns={[
                { key: 'name', header: 'Name', cell: (k) => k.name },
                { key: 'prefix', header: 'Key', cell: (k) => <code>{k.prefix}…</code> },
                { key: 'scopes', header: 'Scopes', cell: (k) => k.scopes.join(', ') },
                {
                  key: 'status',
                  header: 'Status',
                  cell: (k) => <Badge tone={keyState(k).tone}>{keyState(k).label}</Badge>,
                },
                { key: 'created', header: 'Created', cell: (k) => formatDateTime(k.createdAt) },
                {
                  key: 'used',
                  header: 'Last used',
                  cell: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'never'),
                },
                {
                  key: 'expires',
                  header: 'Expires',
                  cell: (k) => (k.expiresAt ? formatDateTime(k.expiresAt) : 'never'),
                },
                {
                  key: 'actions',
                  header: <span className="visually-hidden">Actions</span>,
                  cell: (k) =>
                    !k.revokedAt && (mayRevokeAny || k.userId === user?.id) ? (
                      <Button
                        size="sm"
                        variant="danger"
                        aria-label={`Revoke ${k.name}`}
                        loading={revoke.isPending && revoke.variables === k.id}
                        onClick={() => revoke.mutate(k.id)}
                      >
                        Revoke
                      </Button>
                    ) : null,
                },
              ]}
            />
            <Pager
              pagination={keys.data.pagination}
              pageSize={API_KEYS_PAGE}
              onOffset={setOffset}
              label="API key pages"
            />
          </>
        )}
      </Card>
    </>
  );
}
