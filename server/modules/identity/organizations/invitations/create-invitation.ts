import { and, eq, sql } from 'drizzle-orm';
import type { TPlanLimitsTable } from '../../../../../contracts/plans.ts';
import type { EventBus } from '../../../../platform/events/index.ts';
import { AppError } from '../../../../platform/http/index.ts';
import type { Mailer } from '../../../../platform/mail/index.ts';
import { invitations } from '../../access-schema.ts';
import { assertCan, canAssignOrgRole, type TActor } from '../../permissions/index.ts';
import { organizationMembers, users } from '../../schema.ts';
import { InvitationCreated, InvitationRevoked } from '../events.ts';
import { currentActor, lockOrganization } from '../locking.ts';
import type { TCreateInvitationInput } from '../schemas.ts';
import { type TInvitationView, toInvitationView } from './invitation-view.ts';
import { assertSeatAvailable, pendingInvitations } from './seats.ts';
import { INVITATION_TTL_MS, newInvitationToken } from './token.ts';

/**
 * Invites an email address to the actor's organization with a role, replacing any pending invitation for the
 * same address, and mails the link. The token travels only in the mail; the database keeps its hash.
 */
export async function createInvitation({
  events,
  planLimits,
  mailer,
  publicUrl,
  actor,
  input,
}: {
  events: EventBus;
  /** The instance's plan limits (env PLAN_LIMITS over the defaults); the defaults when absent. */
  planLimits?: TPlanLimitsTable | undefined;
  mailer: Mailer;
  /** The web app's origin, e.g. https://flashfusion.example.com; the accept link points there. */
  publicUrl: string;
  actor: TActor;
  input: TCreateInvitationInput;
}): Promise<TInvitationView> {
  const email = input.email.trim().toLowerCase();
  const { token, tokenHash } = newInvitationToken();
  const { invitation, orgName } = await events.transaction(
    async (tx, emit) => {
      const org = await lockOrganization(tx, actor.organizationId);
      const me = await currentActor(tx, actor);
      assertCan(me, 'invitation:create');
      if (!canAssignOrgRole(me.orgRole, undefined, input.role)) {
        throw new AppError('INSUFFICIENT_PERMISSIONS', `A ${me.orgRole} cannot invite a ${input.role}`);
      }
      const [already] = await tx
        .select({ id: organizationMembers.id })
        .from(organizationMembers)
        .innerJoin(users, eq(users.id, organizationMembers.userId))
        .where(and(eq(organizationMembers.organizationId, org.id), sql`lower(${users.email}) = ${email}`));
      if (already) throw new AppError('CONFLICT', 'This person is already a member of the organization');

      const replaced = await tx
        .update(invitations)
        .set({ revokedAt: new Date() })
        .where(and(pendingInvitations(org.id), sql`lower(${invitations.email}) = ${email}`))
        .returning({ id: invitations.id });
      for (const old of replaced) {
        await emit(InvitationRevoked, {
          aggregateId: old.id,
          organizationId: org.id,
          userId: actor.userId,
          payload: { organizationId: org.id, invitationId: old.id, reason: 'replaced' },
        });
      }
      await assertSeatAvailable(tx, org, { forEmail: email, planLimits });

      const [row] = await tx
        .insert(invitations)
        .values({
          organizationId: org.id,
          email,
          role: input.role,
          tokenHash,
          invitedBy: actor.userId,
          expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        })
        .returning();
      if (!row) throw new Error('insert into invitations returned no row');
      await emit(InvitationCreated, {
        aggregateId: row.id,
        organizationId: org.id,
        userId: actor.userId,
        payload: {
          organizationId: org.id,
          invitationId: row.id,
          email,
          role: row.role,
          expiresAt: row.expiresAt.toISOString(),
        },
      });
      return { invitation: row, orgName: org.name };
    },
    { organizationId: actor.organizationId },
  );

  // After commit: a link must never point at an invitation that was rolled back. A failed delivery is kept
  // in the outbox; inviting the address again replaces the invitation and sends a new link.
  const link = `${publicUrl.replace(/\/+$/, '')}/invitations/accept?token=${token}`;
  await mailer.send({
    to: email,
    kind: 'invitation',
    organizationId: invitation.organizationId,
    subject: `You are invited to join ${orgName} on FlashFusion`,
    text: [
      `You have been invited to join ${orgName} on FlashFusion as ${invitation.role}.`,
      '',
      `Accept the invitation: ${link}`,
      '',
      `The link is valid until ${invitation.expiresAt.toISOString()}. Sign in with ${email} to accept it.`,
    ].join('\n'),
  });
  return toInvitationView(invitation);
}
