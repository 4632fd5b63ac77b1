import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { usePermission, useSession } from '../../../app/session.tsx';
import {
  Button,
  Card,
  ErrorAlert,
  Input,
  PageHeader,
  Spinner,
  SwitchField,
} from '../../../components/ui/index.ts';
import {
  fetchOrganization,
  ME_KEY,
  organizationKey,
  type TOrganization,
  type TOrganizationPatch,
  updateOrganization,
} from '../api/organization.ts';
import { useSavedToast } from '../components/save-status.ts';

const PLAN_LABELS: Record<TOrganization['plan'], string> = {
  unlimited: 'Unlimited',
  starter: 'Starter',
  pro: 'Pro',
  enterprise: 'Enterprise',
};

/** /settings/organization: name, slug, plan and settings of the active organization. */
export function OrganizationPage() {
  const { organization } = useSession();
  const id = organization?.id ?? '';
  const query = useQuery({
    queryKey: organizationKey(id),
    queryFn: ({ signal }) => fetchOrganization(id, signal),
    enabled: id !== '',
  });
  return (
    <>
      <PageHeader title="Organization" description="Name, address, plan and policies of this organization." />
      {query.isPending && <Spinner label="Loading the organization…" />}
      {query.isError && (
        <ErrorAlert
          title="The organization could not be loaded"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      )}
      {query.data && <OrganizationForm organization={query.data} />}
    </>
  );
}

function OrganizationForm({ organization }: { organization: TOrganization }) {
  const mayRename = usePermission('organization:update');
  const mayChangeSettings = usePermission('settings:update');
  const queryClient = useQueryClient();
  const saved = useSavedToast();
  const [name, setName] = useState(organization.name);
  const [slug, setSlug] = useState(organization.slug);
  const [guests, setGuests] = useState(organization.settings.allowGuestAccess ?? false);
  const [retention, setRetention] = useState(String(organization.settings.dataRetentionDays ?? ''));
  const [retentionError, setRetentionError] = useState<string>();
  useEffect(() => {
    setName(organization.name);
    setSlug(organization.slug);
  }, [organization]);

  const save = useMutation({
    mutationFn: (body: TOrganizationPatch) => updateOrganization(organization.id, body),
    onSuccess: async (updated) => {
      queryClient.setQueryData(organizationKey(organization.id), updated);
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      saved('Organization saved');
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: TOrganizationPatch = {};
    if (mayRename && name !== organization.name) body.name = name;
    if (mayRename && slug !== organization.slug) body.slug = slug;
    if (mayChangeSettings) {
      const days = retention.trim() === '' ? undefined : Number(retention);
      if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650)) {
        setRetentionError('A whole number of days from 1 to 3650, or empty for the default.');
        return;
      }
      setRetentionError(undefined);
      const settings: NonNullable<TOrganizationPatch['settings']> = {};
      if (guests !== (organization.settings.allowGuestAccess ?? false)) settings.allowGuestAccess = guests;
      if (days !== undefined && days !== organization.settings.dataRetentionDays)
        settings.dataRetentionDays = days;
      if (Object.keys(settings).length > 0) body.settings = settings;
    }
    if (Object.keys(body).length === 0) {
      saved('Nothing to save', 'No field was changed.');
      return;
    }
    save.mutate(body);
  };

  const readOnly = !mayRename && !mayChangeSettings;
  return (
    <Card title="Details">
      <form className="settings-form" onSubmit={submit} noValidate>
        {readOnly && (
          <p className="muted">
            Your role ({organization.role}) may view these settings but not change them.
          </p>
        )}
        <Input label="Name" value={name} onChange={(e) => setName(e.target.value)} disabled={!mayRename} />
        <Input
          label="Slug"
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
          disabled={!mayRename}
          hint="Lowercase letters, digits and dashes; used in addresses."
        />
        <Input
          label="Plan"
          value={PLAN_LABELS[organization.plan]}
          readOnly
          disabled
          hint="The plan sets member, AI and API limits; the instance operator chooses it."
        />
        <SwitchField
          label="Allow guest access"
          hint="Guests can open shared projects without joining the organization."
          checked={guests}
          onCheckedChange={setGuests}
          disabled={!mayChangeSettings}
        />
        <Input
          label="Data retention (days)"
          type="number"
          min={1}
          max={3650}
          value={retention}
          onChange={(e) => setRetention(e.target.value)}
          error={retentionError}
          disabled={!mayChangeSettings}
          hint="How long run and generation records are kept."
        />
        {save.isError && <ErrorAlert title="The organization was not saved" error={save.error} />}
        {!readOnly && (
          <div className="settings-form__actions">
            <Button type="submit" variant="primary" loading={save.isPending}>
              Save
            </Button>
          </div>
        )}
      </form>
    </Card>
  );
}
