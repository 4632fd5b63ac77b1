/** The plans of SPEC §3. */
export const PLANS = ['starter', 'pro', 'enterprise'] as const;
export type TPlan = (typeof PLANS)[number];

/** One plan's default limits; `null` means unlimited (kept JSON-safe, unlike Infinity). */
export type TPlanLimits = {
  apiRequestsPerHour: number | null;
  aiGenerationsPerHour: number | null;
  deploymentsPerDay: number | null;
  /** Members plus pending invitations. */
  members: number | null;
};

/**
 * Default plan limits (SPEC §3 table), the one place quotas and rate limits read them from.
 * SPEC calls them configurable per instance: an override would replace this map at boot.
 */
export const PLAN_LIMITS: { readonly [P in TPlan]: Readonly<TPlanLimits> } = {
  starter: { apiRequestsPerHour: 100, aiGenerationsPerHour: 10, deploymentsPerDay: 5, members: 1 },
  pro: { apiRequestsPerHour: 1_000, aiGenerationsPerHour: 100, deploymentsPerDay: 50, members: 10 },
  enterprise: {
    apiRequestsPerHour: 10_000,
    aiGenerationsPerHour: 1_000,
    deploymentsPerDay: null,
    members: null,
  },
};

/** True when `used` units fit under `limit` (`null`: unlimited). */
export function withinLimit(limit: number | null, used: number): boolean {
  return limit === null || used <= limit;
}
