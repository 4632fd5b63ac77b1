import { QUOTA_WARNING_SHARE, usedShare } from '../../../../contracts/plans.ts';

/** The parts of GET /organizations/{id}/usage the warnings read (null limit: unlimited; null used: not counted). */
export type TUsageFigures = {
  members: { used: number; limit: number | null };
  aiGenerationsThisHour: { used: number; limit: number | null };
  apiRequestsThisHour: { used?: number | null; limit: number | null };
};

export type TQuotaWarning = { label: string; used: number; limit: number; percent: number };

/**
 * The quotas at or past QUOTA_WARNING_SHARE (80%) of their limit, fullest first: what the banner warns about
 * before a refusal does. Unlimited and uncounted quotas never warn.
 */
export function quotaWarnings(usage: TUsageFigures): TQuotaWarning[] {
  const quotas = [
    { label: 'Members', ...usage.members },
    { label: 'AI generations this hour', ...usage.aiGenerationsThisHour },
    {
      label: 'API requests this hour',
      used: usage.apiRequestsThisHour.used ?? null,
      limit: usage.apiRequestsThisHour.limit,
    },
  ];
  const warnings: TQuotaWarning[] = [];
  for (const q of quotas) {
    const share = usedShare(q.used, q.limit);
    if (share === null || share < QUOTA_WARNING_SHARE || q.used === null || q.limit === null) continue;
    warnings.push({ label: q.label, used: q.used, limit: q.limit, percent: Math.round(share * 100) });
  }
  return warnings.sort((a, b) => b.percent - a.percent);
}
