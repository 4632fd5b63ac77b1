import { asc, count, desc, eq } from 'drizzle-orm';
import type { Database } from '../../../../platform/db/index.ts';
import { withTenant } from '../../../../platform/db/tenant/index.ts';
import type { TActor, TOrgRole } from '../../permissions/index.ts';
import { organizationMembers, users } from '../../schema.ts';
import type { TPage } from '../list-my-organizations.ts';

export type TMemberView = {
  userId: string;
  email: string;
  name: string | null;
  role: TOrgRole;
  joinedAt: string;
};

/** Members of the actor's organization, by joining time. */
export async function listMembers({
  db,
  actor,
  page,
}: {
  db: Database;
  actor: TActor;
  page: TPage;
}): Promise<{ rows: TMemberView[]; total: number }> {
  const inOrg = eq(organizationMembers.organizationId, actor.organizationId);
  const order = page.order === 'desc' ? desc : asc;
  const [rows, totals] = await withTenant(db, actor.organizationId, (tx) =>
    Promise.all([
      tx
        .select({
          userId: organizationMembers.userId,
          email: users.email,
          name: users.name,
          role: organizationMembers.role,
          joinedAt: organizationMembers.createdAt,
        })
        .from(organizationMembers)
        .innerJoin(users, eq(users.id, organizationMembers.userId))
        .where(inOrg)
        .orderBy(order(organizationMembers.createdAt), order(organizationMembers.id))
        .limit(page.limit)
        .offset(page.offset),
      tx.select({ n: count() }).from(organizationMembers).where(inOrg),
    ]),
  );
  return { rows: rows.map((r) => ({ ...r, joinedAt: r.joinedAt.toISOString() })), total: totals[0]?.n ?? 0 };
}
