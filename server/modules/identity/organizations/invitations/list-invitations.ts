import { and, asc, count, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../../../platform/db/index.ts';
import { withTenant } from '../../../../platform/db/tenant/index.ts';
import { invitations } from '../../access-schema.ts';
import type { TActor } from '../../permissions/index.ts';
import type { TPage } from '../list-my-organizations.ts';
import { type TInvitationView, toInvitationView } from './invitation-view.ts';

/** Invitations of the actor's organization (every status), newest first by default. */
export async function listInvitations({
  db,
  actor,
  page,
}: {
  db: Database;
  actor: TActor;
  page: TPage;
}): Promise<{ rows: TInvitationView[]; total: number }> {
  const where = and(eq(invitations.organizationId, actor.organizationId), isNull(invitations.projectId));
  const order = page.order === 'asc' ? asc : desc;
  const [rows, totals] = await withTenant(db, actor.organizationId, (tx) =>
    Promise.all([
      tx
        .select()
        .from(invitations)
        .where(where)
        .orderBy(order(invitations.createdAt), order(invitations.id))
        .limit(page.limit)
        .offset(page.offset),
      tx.select({ n: count() }).from(invitations).where(where),
    ]),
  );
  return { rows: rows.map(toInvitationView), total: totals[0]?.n ?? 0 };
}
