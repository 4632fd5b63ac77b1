import { Badge, Progress } from '../../../components/ui/index.ts';
import type { TOrganizationUsage } from '../api.ts';
import { formatNumber } from '../format.ts';

type TQuota = { label: string; used: number | null; limit: number | null; note?: string };

/** The plan's limits against what the organization uses now (GET /organizations/{id}/usage). */
export function QuotaList({ usage }: { usage: TOrganizationUsage }) {
  const resetAt = usage.apiRequestsThisHour.resetAt;
  const quotas: TQuota[] = [
    { label: 'Members', ...usage.members },
    { label: 'AI generations this hour', ...usage.aiGenerationsThisHour },
    {
      label: 'API requests this hour',
      ...usage.apiRequestsThisHour,
      ...(resetAt ? { note: `Resets at ${new Date(resetAt).toLocaleTimeString()}` } : {}),
    },
    {
      label: 'Deployments today',
      used: null,
      limit: usage.deploymentsToday.limit,
      note: usage.deploymentsToday.note,
    },
  ];
  return (
    <ul className="quota-list">
      {quotas.map((quota) => (
        <li key={quota.label} className="quota-list__item">
          <QuotaRow quota={quota} />
        </li>
      ))}
    </ul>
  );
}

function QuotaRow({ quota }: { quota: TQuota }) {
  const { label, used, limit, note } = quota;
  const limitText = limit === null ? 'unlimited' : formatNumber(limit);
  const figure = used === null ? `limit: ${limitText}` : `${formatNumber(used)} of ${limitText}`;
  return (
    <>
      {used !== null && limit !== null ? (
        <Progress label={`${label}: ${figure}`} value={used} max={Math.max(limit, 1)} />
      ) : (
        <p className="quota-list__plain">
          <span>{label}</span> <Badge>{figure}</Badge>
        </p>
      )}
      {note && <p className="quota-list__note">{note}</p>}
    </>
  );
}
