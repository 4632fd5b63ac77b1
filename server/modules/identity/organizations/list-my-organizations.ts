import { asc, count, desc, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { organizationMembers, organizations } from '../schema.ts';
import { type TOrganizationView, toOrganizationView } from './organization-view.ts';

export type TPage = { limit: number; offset: number; order?: 'asc' | 'desc' };

/** Every organization `userId` belongs to, with their role in each, oldest membership first by default. */
export async function listMyOrganizations({
  db,
  userId,
  page = { limit: 100, offset: 0 },
}: {
  db: Database;
  userId: string;
  page?: TPage;
}): Promise<{ rows: TOrganizationView[]; total: number }> {
  const byUser = eq(organizationMembers.userId, userId);
  const order = page.order === 'desc' ? desc : asc;
  const [rows, totals] = await Promise.all([
    // Owner path: spans every organization the user belongs to.
    db.orm
      .select({ org: organizations, role: organizationMembers.role })
      .from(organizationMembers)
      .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
      .where(byUser)
      .orderBy(order(organizationMembers.createdAt), order(organizations.id))
      .limit(page.limit)
      .offset(page.offset),
    db.orm.select({ n: count() }).from(organizationMembers).where(byUser),
  ]);
  return { rows: rows.map((r) => toOrganizationView(r.org, r.role)), total: totals[0]?.n ?? 0 };
}
