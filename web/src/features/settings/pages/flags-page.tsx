import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { usePermission, useSession } from '../../../app/session.tsx';
import {
  Button,
  Card,
  EmptyState,
  ErrorAlert,
  Input,
  PageHeader,
  Spinner,
  SwitchField,
} from '../../../components/ui/index.ts';
import { fetchOrganization, ME_KEY, organizationKey, updateOrganization } from '../api/organization.ts';

const FLAG_NAME = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * /settings/flags: the organization's feature flags (settings.featureFlags). The server merges flags one by
 * one, so each toggle sends only that flag; the app's useFeatureFlags() reads the same settings.
 */
export function FlagsPage() {
  const { organization } = useSession();
  const id = organization?.id ?? '';
  const mayChange = usePermission('settings:update');
  const queryClient = useQueryClient();
  const org = useQuery({
    queryKey: organizationKey(id),
    queryFn: ({ signal }) => fetchOrganization(id, signal),
    enabled: id !== '',
  });
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string>();
  const setFlag = useMutation({
    mutationFn: (flag: { name: string; on: boolean }) =>
      updateOrganization(id, { settings: { featureFlags: { [flag.name]: flag.on } } }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(organizationKey(id), updated);
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  const flags = Object.entries(org.data?.settings.featureFlags ?? {}).sort(([a], [b]) => a.localeCompare(b));

  const add = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!FLAG_NAME.test(trimmed)) {
      setNameError('1–64 characters: letters, digits, _ . : -');
      return;
    }
    setNameError(undefined);
    setFlag.mutate({ name: trimmed, on: true }, { onSuccess: () => setName('') });
  };

  return (
    <>
      <PageHeader
        title="Feature flags"
        description="Switch features on or off for everyone in this organization."
      />
      {org.isPending && <Spinner label="Loading feature flags…" />}
      {org.isError && (
        <ErrorAlert
          title="Feature flags could not be loaded"
          error={org.error}
          onRetry={() => org.refetch()}
        />
      )}
      {setFlag.isError && <ErrorAlert title="The flag was not changed" error={setFlag.error} />}
      {org.data && (
        <Card title="Flags">
          {!mayChange && <p className="muted">Only admins and owners change feature flags.</p>}
          {flags.length === 0 ? (
            <EmptyState title="No feature flags set">
              {mayChange ? 'Add a flag below; it starts switched on.' : 'An admin can add flags here.'}
            </EmptyState>
          ) : (
            <ul className="flag-list">
              {flags.map(([flag, on]) => (
                <li key={flag}>
                  <SwitchField
                    label={<code>{flag}</code>}
                    checked={on}
                    disabled={!mayChange || setFlag.isPending}
                    onCheckedChange={(checked) => setFlag.mutate({ name: flag, on: checked })}
                  />
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      {org.data && mayChange && (
        <Card title="Add a flag">
          <form className="inline-form" onSubmit={add} noValidate aria-label="Add a feature flag">
            <Input
              label="Flag name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={nameError}
              placeholder="e.g. beta.canvas"
            />
            <Button type="submit" variant="primary" loading={setFlag.isPending}>
              Add flag
            </Button>
          </form>
        </Card>
      )}
    </>
  );
}
