import type { Cache } from '../../../../platform/cache/index.ts';
import type { EventBus } from '../../../../platform/events/index.ts';
import { AppError, notFound } from '../../../../platform/http/index.ts';
import { forgetMemberRole } from '../../api-keys/verify-api-key.ts';
import { assertCan, canAssignOrgRole, type TActor } from '../../permissions/index.ts';
import { MemberRemoved } from '../events.ts';
import {
  assertNotLastOwner,
  currentActor,
  deleteMembership,
  findMember,
  lockOrganization,
} from '../locking.ts';

/**
 * Removes a member from the actor's organization (`member:remove`). Only an owner removes an owner, nobody
 * removes someone above themselves, and the last owner stays.
 */
export async function removeMember({
  events,
  cache,
  actor,
  memberUserId,
}: {
  events: EventBus;
  /** The API-key role cache entry of whoever changed is dropped after commit, in every process. */
  cache: Cache;
  actor: TActor;
  memberUserId: string;
}): Promise<void> {
  await events.transaction(
    async (tx, emit) => {
      await lockOrganization(tx, actor.organizationId);
      const me = await currentActor(tx, actor);
      assertCan(me, 'member:remove');
      const member = await findMember(tx, actor.organizationId, memberUserId);
      if (!member) throw notFound('Member');
      // The same ceiling as changing the role: whom you may not re-role, you may not remove.
      if (!canAssignOrgRole(me.orgRole, member.role, member.role)) {
        throw new AppError('INSUFFICIENT_PERMISSIONS', `A ${me.orgRole} cannot remove a ${member.role}`);
      }
      await assertNotLastOwner(
        tx,
        actor.organizationId,
        member.role,
        'The last owner cannot be removed: transfer ownership first',
      );
      await deleteMembership(tx, actor.organizationId, memberUserId);
      await emit(MemberRemoved, {
        aggregateId: actor.organizationId,
        organizationId: actor.organizationId,
        userId: actor.userId,
        payload: { organizationId: actor.organizationId, memberUserId, role: member.role },
      });
    },
    { organizationId: actor.organizationId },
  );
  // After commit: the removed member's API keys stop working at once, not after the TTL.
  await forgetMemberRole({ cache, organizationId: actor.organizationId, userId: memberUserId });
}
