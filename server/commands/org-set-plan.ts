import type { TPlan } from '../../contracts/plans.ts';
import type { TEnv } from '../env.ts';
import { setOrganizationPlan } from '../modules/identity/index.ts';
import { createMemoryCache } from '../platform/cache/index.ts';
import { createEventBus } from '../platform/events/index.ts';
import type { Logger } from '../platform/logger/index.ts';
import { createMemoryPubSub } from '../platform/pubsub/index.ts';
import { withDatabase } from './with-database.ts';

/**
 * `flashfusion org set-plan <org id or slug> <plan>`: the operator puts an organization on a plan. The change
 * is in the audit trail (organization.updated). Running servers cache plans for up to a minute, so their
 * rate limits and quotas follow within that time (the admin API applies it at once).
 */
export function orgSetPlan(env: TEnv, log: Logger, organization: string, plan: TPlan): Promise<number> {
  return withDatabase(env, log, async (db) => {
    // This process's own bus: the event is stored in domain_events with the change; no server listens here.
    const events = await createEventBus({ db, pubsub: createMemoryPubSub(), log });
    const { organization: org, previousPlan } = await setOrganizationPlan({
      db,
      events,
      cache: createMemoryCache(),
      organization,
      plan,
    }).finally(() => events.close());
    console.log(
      previousPlan === plan
        ? `${org.name} (${org.slug}) is already on the ${plan} plan.`
        : `${org.name} (${org.slug}) moved from the ${previousPlan} plan to ${plan}; running servers apply it within a minute.`,
    );
    return 0;
  });
}
