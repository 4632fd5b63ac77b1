import { asc, count, desc, eq } from 'drizzle-orm';
import type { TListQuery } from '../../../../contracts/pagination.ts';
import type { TPlan } from '../../../../contracts/plans.ts';
import type { Database } from '../../../platform/db/index.ts';
import { organizationMembers, organizations } from '../schema.ts';

export type TAdminOrganizationView = {
  id: string;
  name: string;
  slug: string;
  plan: TPlan;
  members: number;
  createdAt: string;
};

/** Every organization of the instance with its plan and member count, for the instance operator. */
export async function listOrganizations({
  db,
  page,
}: {
  db: Database;
  page: TListQuery;
}): Promise<{ rows: TAdminOrganizationView[]; total: number }> {
  const order = page.order === 'desc' ? desc : asc;
  // Owner path: the instance operator sees every tenant.
  const [rows, totals] = await Promise.all([
    db.orm
      .select({
        id: organizations.id,
        name: organizations.name,
        slug: organizations.slug,
        plan: organizations.plan,
        createdAt: organizations.createdAt,
        members: count(organizationMembers.id),
      })
      .from(organizations)
      .leftJoin(organizationMembers, eq(organizationMembers.organizationId, organizations.id))
      .groupBy(organizations.id)
      .orderBy(order(organizations.createdAt), order(organizations.id))
      .limit(page.limit)
      .offset(page.offset),
    db.orm.select({ n: count() }).from(organizations),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    total: totals[0]?.n ?? 0,
  };
}

/** One organization's admin view. */
export async function adminOrganizationView(
  db: Database,
  organizationId: string,
): Promise<TAdminOrganizationView | undefined> {
  const [row] = await db.orm
    .select({
      id: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      plan: organizations.plan,
      createdAt: organizations.createdAt,
      members: count(organizationMembers.id),
    })
    .from(organizations)
    .leftJoin(organizationMembers, eq(organizationMembers.organizationId, organizations.id))
    .where(eq(organizations.id, organizationId))
    .groupBy(organizations.id);
  return row ? { ...row, createdAt: row.createdAt.toISOString() } : undefined;
}
