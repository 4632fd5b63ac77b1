import { and, eq, isNull } from 'drizzle-orm';
import type { EventBus } from '../../../../platform/events/index.ts';
import { AppError, notFound } from '../../../../platform/http/index.ts';
import { invitations } from '../../access-schema.ts';
import { assertCan, type TActor } from '../../permissions/index.ts';
import { InvitationRevoked } from '../events.ts';
import { currentActor, lockOrganization } from '../locking.ts';

/**
 * Revokes an invitation of the actor's organization so its link stops working. Revoking twice is harmless;
 * an accepted invitation cannot be revoked (remove the member instead).
 */
export async function revokeInvitation({
  events,
  actor,
  invitationId,
}: {
  events: EventBus;
  actor: TActor;
  invitationId: string;
}): Promise<void> {
  await events.transaction(
    async (tx, emit) => {
      await lockOrganization(tx, actor.organizationId);
      assertCan(await currentActor(tx, actor), 'invitation:revoke');
      const [row] = await tx
        .select()
        .from(invitations)
        .where(
          and(
            eq(invitations.id, invitationId),
            eq(invitations.organizationId, actor.organizationId),
            isNull(invitations.projectId),
          ),
        );
      if (!row) throw notFound('Invitation');
      if (row.acceptedAt)
        throw new AppError('CONFLICT', 'The invitation was already accepted; remove the member instead');
      if (row.revokedAt) return;
      await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, row.id));
      await emit(InvitationRevoked, {
        aggregateId: row.id,
        organizationId: actor.organizationId,
        userId: actor.userId,
        payload: { organizationId: actor.organizationId, invitationId: row.id, reason: 'revoked' },
      });
    },
    { organizationId: actor.organizationId },
  );
}
