import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../../app/session.tsx';
import { Card, ErrorAlert, PageHeader, Spinner } from '../../../components/ui/index.ts';
import { fetchOrganizationUsage, organizationUsageKey } from '../../dashboard/api.ts';
import { AiUsageCard } from '../../dashboard/components/ai-usage-card.tsx';
import { QuotaList } from '../../dashboard/components/quota-list.tsx';
import '../../dashboard/dashboard.css';

/** /settings/usage: the plan's limits against use, and AI usage and budget this month. */
export function UsagePage() {
  const { organization } = useSession();
  const id = organization?.id ?? '';
  const usage = useQuery({
    queryKey: organizationUsageKey(id),
    queryFn: ({ signal }) => fetchOrganizationUsage(id, signal),
    enabled: id !== '',
  });
  return (
    <>
      <PageHeader title="Plan usage" description="What the plan allows and how much of it is in use." />
      <Card title={usage.data ? `${usage.data.plan} plan` : 'Plan'}>
        {usage.isPending && <Spinner label="Loading plan usage…" />}
        {usage.isError && (
          <ErrorAlert
            title="Plan usage could not be loaded"
            error={usage.error}
            onRetry={() => usage.refetch()}
          />
        )}
        {usage.data && <QuotaList usage={usage.data} />}
      </Card>
      <AiUsageCard />
    </>
  );
}
