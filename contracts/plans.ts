import { z } from 'zod';

/** The plans an instance can give its organizations (limits per plan: README, setting PLAN_LIMITS). */
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

/** Every plan's limits. */
export type TPlanLimitsTable = { readonly [P in TPlan]: Readonly<TPlanLimits> };

/**
 * Default plan limits. They are configurable per instance: env PLAN_LIMITS is merged
 * over them at boot (mergePlanLimits) and the result is handed to quotas and rate limits.
 */
export const PLAN_LIMITS: TPlanLimitsTable = {
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
  const merged = {} as Record<TPlan, TPlanLimits>;
  for (const plan of PLANS) merged[plan] = { ...PLAN_LIMITS[plan], ...overrides[plan] };
  return merged;
}
