import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { EventBus, EventDefinition } from '../../../platform/events/index.ts';
import { organizationMembers } from '../schema.ts';

export type TEmitAccountEvent = <T extends { userId: string }>(
  def: EventDefinition<T>,
  payload: T,
) => Promise<void>;

/**
 * Records an account event in the audit trail. Accounts belong to users, not organizations, while the audit
 * trail (GET /audit) is read per organization: so the event is stored once per organization the user is a
 * member of — each organization's admins see their members' sign-ins — or once with organizationId null
 * (instance level) when the user belongs to none yet, as at sign-up. All copies share one transaction.
 *
 * The account action has already happened when this runs; a failure to record it is logged as an error
 * rather than turned into a failed sign-in or reset the user could not undo.
 */
export function accountEventEmitter({ events, log }: { events: EventBus; log: Logger }): TEmitAccountEvent {
  return async (def, payload) => {
    try {
      // Owner path: account events (sign-up, sign-in hooks) belong to a user, not to a tenant.
      await events.transaction(async (tx, emit) => {
        const orgs = await tx
          .select({ organizationId: organizationMembers.organizationId })
          .from(organizationMembers)
          .where(eq(organizationMembers.userId, payload.userId));
        const targets = orgs.length > 0 ? orgs.map((o) => o.organizationId) : [null];
        for (const organizationId of targets) {
          await emit(def, { aggregateId: payload.userId, userId: payload.userId, organizationId, payload });
        }
      });
    } catch (err) {
      log.error({ err, eventType: def.type, userId: payload.userId }, 'could not record account event');
    }
  };
}
