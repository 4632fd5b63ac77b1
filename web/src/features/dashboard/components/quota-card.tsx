import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../../app/session.tsx';
import { Card, ErrorAlert, Spinner } from '../../../components/ui/index.ts';
import { fetchOrganizationUsage, organizationUsageKey } from '../api.ts';
import { QuotaList } from './quota-list.tsx';

/** The plan's quotas against current use, for the active organization. */
export function QuotaCard() {
  const { organization } = useSession();
  const id = organization?.id ?? '';
  const usage = useQuery({
    queryKey: organizationUsageKey(id),
    queryFn: ({ signal }) => fetchOrganizationUsage(id, signal),
    enabled: id !== '',
  });
  let body: ReactNode;
  if (usage.isPending) body = <Spinner label="Loading quota use…" />;
  else if (usage.isError)
    body = (
      <ErrorAlert title="Quota use could not be loaded" error={usage.error} onRetry={() => usage.refetch()} />
    );
  else body = <QuotaList usage={usage.data} />;
  return (
    <Card
      title={`Quota use · ${usage.data?.plan ?? organization?.plan ?? ''} plan`}
      actions={<Link to="/settings/usage">Details</Link>}
    >
      {body}
    </Card>
  );
}
