import { eq } from 'drizzle-orm';
import type { Cache } from '../../../../platform/cache/index.ts';
import type { EventBus } from '../../../../platform/events/index.ts';
import { AppError, notFound } from '../../../../platform/http/index.ts';
import { forgetMemberRole } from '../../api-keys/verify-api-key.ts';
import { assertCan, canAssignOrgRole, type TActor, type TOrgRole } from '../../permissions/index.ts';
import { organizationMembers } from '../../schema.ts';
import { MemberRoleChanged } from '../events.ts';
import { assertNotLastOwner, currentActor, findMember, lockOrganization } from '../locking.ts';

/**
 * Gives a member of the actor's organization another role. Needs `member:change_role`, stays under the
 * actor's own ceiling (`canAssignOrgRole`), and never demotes the last owner.
 */
export async function changeMemberRole({
  events,
  cache,
  actor,
  memberUserId,
  role,
}: {
  events: EventBus;
  /** The API-key role cache entry of whoever changed is dropped after commit, in every process. */
  cache: Cache;
  actor: TActor;
  memberUserId: string;
  role: TOrgRole;
}): Promise<{ userId: string; role: TOrgRole }> {
  const result = await events.transaction(
    async (tx, emit) => {
      await lockOrganization(tx, actor.organizationId);
      const me = await currentActor(tx, actor);
      assertCan(me, 'member:change_role');
      const member = await findMember(tx, actor.organizationId, memberUserId);
      if (!member) throw notFound('Member');
      if (!canAssignOrgRole(me.orgRole, member.role, role)) {
        throw new AppError(
          'INSUFFICIENT_PERMISSIONS',
          `A ${me.orgRole} cannot change a ${member.role} to ${role}`,
        );
      }
      if (member.role === role) return { userId: memberUserId, role };
      await assertNotLastOwner(
        tx,
        actor.organizationId,
        member.role,
        'The organization must keep at least one owner: promote another member to owner first',
      );
      await tx.update(organizationMembers).set({ role }).where(eq(organizationMembers.id, member.id));
      await emit(MemberRoleChanged, {
        aggregateId: actor.organizationId,
        organizationId: actor.organizationId,
        userId: actor.userId,
        payload: { organizationId: actor.organizationId, memberUserId, fromRole: member.role, toRole: role },
      });
      return { userId: memberUserId, role };
    },
    { organizationId: actor.organizationId },
  );
  // After commit: a demoted member's API keys lose the old role's power at once, not after the TTL.
  await forgetMemberRole({ cache, organizationId: actor.organizationId, userId: memberUserId });
  return result;
}
