import { eq, sql } from 'drizzle-orm';
import { PLAN_LIMITS, type TPlan, type TPlanLimitsTable } from '../../../../contracts/plans.ts';
import type { Database } from '../../../platform/db/index.ts';
import { queryRows } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import type { TActorContext } from '../actor.ts';
import { seatsInUse } from '../organizations/invitations/seats.ts';
import { organizations } from '../schema.ts';
import { actorRateKey, type TApiLimiters } from './api-limiters.ts';

export const DEPLOYMENTS_NOTE = 'Deployments are not counted yet: they arrive with the deploy module.';
export const API_REQUESTS_NOTE =
  "Counted per API key or access token; the web app's own requests do not count against it.";

/** Usage against the plan's limits; a `null` limit means unlimited, a `null` used means not measured. */
export type TUsage = {
  plan: TPlan;
  members: { used: number; limit: number | null };
  apiRequestsThisHour: { used: number | null; limit: number | null; resetAt: string | null; note?: string };
  aiGenerationsThisHour: { used: number; limit: number | null };
  deploymentsToday: { used: null; limit: number | null; note: string };
};

/**
 * The actor's organization's usage. Members count pending invitations (the seats already promised, as the
 * member quota does); API requests are the caller's own counter (its API key, else its user), which is what
 * the rate limit enforces; a web session has none (the plan's API budget is not for it), so it sees the
 * limit with a note; AI generations are the organization's ai_generations rows of the last hour.
 */
export async function getUsage({
  db,
  limiters,
  actor,
  organizationId,
  planLimits = PLAN_LIMITS,
}: {
  db: Database;
  limiters: TApiLimiters;
  actor: TActorContext;
  organizationId: string;
  /** The instance's plan limits (env PLAN_LIMITS over the defaults); the defaults when absent. */
  planLimits?: TPlanLimitsTable;
}): Promise<TUsage> {
  if (organizationId !== actor.organizationId) throw notFound('Organization');
  const counts = await withTenant(db, organizationId, async (tx) => {
    const [org] = await tx
      .select({ plan: organizations.plan })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    if (!org) throw notFound('Organization');

    const seats = await seatsInUse(tx, organizationId);
    // Raw SQL: the ai module's schema imports identity, so identity does not import it back.
    const [ai] = await queryRows<{ n: number | string }>(
      tx,
      sql`select count(*) as n from ai_generations
        where organization_id = ${organizationId} and created_at > now() - interval '1 hour'`,
    );
    return {
      plan: org.plan as TPlan,
      seats,
      ai: Number(ai?.n ?? 0),
    };
  });
  const { plan } = counts;
  const limits = planLimits[plan];

  const session = actor.authMethod === 'session';
  const limiter = limiters.get(plan);
  const api = limiter && !session ? await limiter.get(actorRateKey(actor)) : undefined;
  return {
    plan,
    members: { used: counts.seats, limit: limits.members },
    apiRequestsThisHour: api
      ? { used: api.limit - api.remaining, limit: api.limit, resetAt: api.resetAt.toISOString() }
      : {
          used: null,
          limit: limiter?.points ?? null,
          resetAt: null,
          ...(session ? { note: API_REQUESTS_NOTE } : {}),
        },
    aiGenerationsThisHour: { used: counts.ai, limit: limits.aiGenerationsPerHour },
    deploymentsToday: { used: null, limit: limits.deploymentsPerDay, note: DEPLOYMENTS_NOTE },
  };
}
