import { and, eq } from 'drizzle-orm';
import type { Cache } from '../../../../platform/cache/index.ts';
import type { EventBus } from '../../../../platform/events/index.ts';
import { AppError, notFound } from '../../../../platform/http/index.ts';
import { forgetMemberRole } from '../../api-keys/verify-api-key.ts';
import { assertCan, type TActor } from '../../permissions/index.ts';
import { organizationMembers } from '../../schema.ts';
import { OwnershipTransferred } from '../events.ts';
import { currentActor, findMember, lockOrganization } from '../locking.ts';

/**
 * The owning actor hands ownership to another member: the target becomes owner and the actor admin, in one
 * transaction under the organization lock, so there is always at least one owner.
 */
export async function transferOwnership({
  events,
  cache,
  actor,
  toUserId,
}: {
  events: EventBus;
  /** The API-key role cache entry of whoever changed is dropped after commit, in every process. */
  cache: Cache;
  actor: TActor;
  toUserId: string;
}): Promise<void> {
  await events.transaction(
    async (tx, emit) => {
      await lockOrganization(tx, actor.organizationId);
      const me = await currentActor(tx, actor);
      assertCan(me, 'organization:transfer_ownership');
      if (toUserId === actor.userId) {
        throw new AppError('VALIDATION_ERROR', 'Ownership can only be transferred to another member', {
          details: [{ field: 'userId', message: 'Must be another member' }],
        });
      }
      const target = await findMember(tx, actor.organizationId, toUserId);
      if (!target) throw notFound('Member');
      await tx
        .update(organizationMembers)
        .set({ role: 'owner' })
        .where(eq(organizationMembers.id, target.id));
      await tx
        .update(organizationMembers)
        .set({ role: 'admin' })
        .where(
          and(
            eq(organizationMembers.organizationId, actor.organizationId),
            eq(organizationMembers.userId, actor.userId),
          ),
        );
      await emit(OwnershipTransferred, {
        aggregateId: actor.organizationId,
        organizationId: actor.organizationId,
        userId: actor.userId,
        payload: { organizationId: actor.organizationId, fromUserId: actor.userId, toUserId },
      });
    },
    { organizationId: actor.organizationId },
  );
  // After commit: both roles changed (owner to admin, member to owner); keys follow at once.
  await forgetMemberRole({ cache, organizationId: actor.organizationId, userId: actor.userId });
  await forgetMemberRole({ cache, organizationId: actor.organizationId, userId: toUserId });
}
