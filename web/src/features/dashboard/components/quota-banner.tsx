import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useSession } from '../../../app/session.tsx';
import { fetchOrganizationUsage, organizationUsageKey } from '../api.ts';
import { formatNumber } from '../format.ts';
import { quotaWarnings, type TQuotaWarning } from '../quota-warnings.ts';

/**
 * A banner over every signed-in page when a quota of the active organization is 80% used or more, so the
 * limit is seen before it refuses anything. Quiet when the usage cannot be read: the usage page says why.
 */
export function QuotaBanner() {
  const { organization } = useSession();
  const id = organization?.id ?? '';
  const usage = useQuery({
    queryKey: organizationUsageKey(id),
    queryFn: ({ signal }) => fetchOrganizationUsage(id, signal),
    enabled: id !== '',
    // Hourly quotas move while a page stays open.
    refetchInterval: 60_000,
  });
  if (!usage.data) return null;
  return <QuotaBannerView warnings={quotaWarnings(usage.data)} />;
}

/** The banner itself: `role="status"` so screen readers announce it without interrupting. */
export function QuotaBannerView({ warnings }: { warnings: TQuotaWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="quota-banner" role="status">
      <p className="quota-banner__title">Your plan is nearly used up</p>
      <ul className="quota-banner__list">
        {warnings.map((w) => (
          <li key={w.label}>
            {w.label}: {formatNumber(w.used)} of {formatNumber(w.limit)} ({w.percent}%)
          </li>
        ))}
      </ul>
      <p>
        <Link to="/settings/usage">See plan usage</Link>; the instance operator can move the organization to a
        larger plan.
      </p>
    </div>
  );
}
