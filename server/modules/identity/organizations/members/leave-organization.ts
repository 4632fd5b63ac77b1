import type { EventBus } from '../../../../platform/events/index.ts';
import { assertCan, type TActor } from '../../permissions/index.ts';
import { MemberLeft } from '../events.ts';
import { assertNotLastOwner, currentActor, deleteMembership, lockOrganization } from '../locking.ts';

/** The actor leaves their organization (`member:leave`); the last owner must transfer ownership first. */
export async function leaveOrganization({
  events,
  actor,
}: {
  events: EventBus;
  actor: TActor;
}): Promise<void> {
  await events.transaction(async (tx, emit) => {
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
  });
}
