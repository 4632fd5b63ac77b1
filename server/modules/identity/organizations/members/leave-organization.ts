import type { Cache } from '../../../../platform/cache/index.ts';
import type { EventBus } from '../../../../platform/events/index.ts';
import { forgetMemberRole } from '../../api-keys/verify-api-key.ts';
import { assertCan, type TActor } from '../../permissions/index.ts';
import { MemberLeft } from '../events.ts';
import { assertNotLastOwner, currentActor, deleteMembership, lockOrganization } from '../locking.ts';

/** The actor leaves their organization (`member:leave`); the last owner must transfer ownership first. */
export async function leaveOrganization({
  events,
  cache,
  actor,
}: {
  events: EventBus;
  /** The API-key role cache entry of whoever changed is dropped after commit, in every process. */
  cache: Cache;
  actor: TActor;
}): Promise<void> {
  await events.transaction(
    async (tx, emit) => {
      await lockOrganization(tx, actor.organizationId);
      const me = await currentActor(tx, actor);
      assertCan(me, 'member:leave');
      await assertNotLastOwner(
        tx,
        actor.organizationId,
        me.orgRole,
        'The last owner cannot leave: transfer ownership to another member first',
      );
      await deleteMembership(tx, actor.organizationId, actor.userId);
      await emit(MemberLeft, {
        aggregateId: actor.organizationId,
        organizationId: actor.organizationId,
        userId: actor.userId,
        payload: { organizationId: actor.organizationId, memberUserId: actor.userId, role: me.orgRole },
      });
    },
    { organizationId: actor.organizationId },
  );
  // After commit: the leaver's API keys stop working at once, not after the TTL.
  await forgetMemberRole({ cache, organizationId: actor.organizationId, userId: actor.userId });
}
