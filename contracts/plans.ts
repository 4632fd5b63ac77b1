import { z } from 'zod';

/**
 * The plans an instance can give its organizations (limits per plan: README, setting PLAN_LIMITS). `unlimited`
 * is a self-hosted instance's default (setting DEFAULT_PLAN): no caps at all. The others are for operators who
 * sell plans; only the instance operator moves an organization between them.
 */
export const PLANS = ['unlimited', 'starter', 'pro', 'enterprise'] as const;
export type TPlan = (typeof PLANS)[number];

/** The plans whose limits an operator may change through PLAN_LIMITS (`unlimited` stays without caps). */
export const SOLD_PLANS = ['starter', 'pro', 'enterprise'] as const satisfies readonly TPlan[];

/** One plan's default limits; `null` means unlimited (kept JSON-safe, unlike Infinity). */
export type TPlanLimits = {
  apiRequestsPerHour: number | null;
  aiGenerationsPerHour: number | null;
  deploymentsPerDay: number | null;
  /** Members plus pending invitations. */
  members: number | null;
};

/** Every plan's limits. */
export type TPlanLimitsTable = { readonly [P in TPlan]: Readonly<TPlanLimits> };

/**
 * Default plan limits. They are configurable per instance: env PLAN_LIMITS is merged
 * over them at boot (mergePlanLimits) and the result is handed to quotas and rate limits.
 */
export const PLAN_LIMITS: TPlanLimitsTable = {
  unlimited: { apiRequestsPerHour: null, aiGenerationsPerHour: null, deploymentsPerDay: null, members: null },
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

const limit = z.number().int().nonnegative().nullable();
const ZPlanOverrideSchema = z
  .object({
    apiRequestsPerHour: limit,
    aiGenerationsPerHour: limit,
    deploymentsPerDay: limit,
    members: limit,
  })
  .partial()
  .strict();
/** An instance's overrides: some limits of some plans; `null` makes a limit unlimited. Unknown names fail. */
export const ZPlanLimitsOverrideSchema = z
  .object({ starter: ZPlanOverrideSchema, pro: ZPlanOverrideSchema, enterprise: ZPlanOverrideSchema })
  .partial()
  .strict();
export type TPlanLimitsOverride = z.infer<typeof ZPlanLimitsOverrideSchema>;

/** The defaults with the instance's overrides laid over them, limit by limit. */
export function mergePlanLimits(overrides: TPlanLimitsOverride = {}): TPlanLimitsTable {
  const merged = { unlimited: PLAN_LIMITS.unlimited } as Record<TPlan, TPlanLimits>;
  for (const plan of SOLD_PLANS) merged[plan] = { ...PLAN_LIMITS[plan], ...overrides[plan] };
  return merged;
}

/** The share of `limit` that `used` takes, 0 to 1 (more when over); null when unlimited or not measured. */
export function usedShare(used: number | null, limit: number | null): number | null {
  if (used === null || limit === null) return null;
  if (limit === 0) return 1;
  return used / limit;
}

/** From this share of a limit on, the web app warns that the quota is about to bite. */
export const QUOTA_WARNING_SHARE = 0.8;
