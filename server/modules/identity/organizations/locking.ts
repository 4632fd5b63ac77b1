import { and, count, eq, inArray } from 'drizzle-orm';
import type { TExecutor, TTx } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/http/index.ts';
import type { TActor, TOrgRole } from '../permissions/index.ts';
import { organizationMembers, organizations, projectMembers, projects } from '../schema.ts';

export type TOrganizationRow = typeof organizations.$inferSelect;
export type TMemberRow = typeof organizationMembers.$inferSelect;

/**
 * Locks the organization row for the rest of the transaction. Every membership change takes this lock first,
 * so two of them in one organization run one after the other and each sees the other's result: two owners
 * demoting each other at once cannot both succeed, and invitations cannot race past the member quota.
 */
export async function lockOrganization(tx: TTx, organizationId: string): Promise<TOrganizationRow> {
  const [org] = await tx
    .select()
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for('update');
  if (!org) throw notFound('Organization');
  return org;
}

export async function findMember(
  on: TExecutor,
  organizationId: string,
  userId: string,
): Promise<TMemberRow | undefined> {
  const [row] = await on
    .select()
    .from(organizationMembers)
    .where(
      and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)),
    );
  return row;
}

/**
 * The actor with the role they hold now, read under the lock: the role a request started with may be stale
 * (demoted a moment ago by a concurrent request), and decisions must rest on the current one.
 */
export async function currentActor<A extends TActor>(tx: TTx, actor: A): Promise<A> {
  const me = await findMember(tx, actor.organizationId, actor.userId);
  if (!me) throw notFound('Organization');
  return { ...actor, orgRole: me.role };
}

export async function countOwners(on: TExecutor, organizationId: string): Promise<number> {
  const [row] = await on
    .select({ n: count() })
    .from(organizationMembers)
    .where(
      and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.role, 'owner')),
    );
  return row?.n ?? 0;
}

/** Refuses a change that would take away the organization's only owner. */
export async function assertNotLastOwner(
  tx: TTx,
  organizationId: string,
  role: TOrgRole,
  message: string,
): Promise<void> {
  if (role !== 'owner') return;
  if ((await countOwners(tx, organizationId)) <= 1) throw new AppError('CONFLICT', message);
}

/** Ends a membership: the row and the user's project memberships inside this organization. */
export async function deleteMembership(tx: TTx, organizationId: string, userId: string): Promise<void> {
  const orgProjects = tx
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.organizationId, organizationId));
  await tx
    .delete(projectMembers)
    .where(and(eq(projectMembers.userId, userId), inArray(projectMembers.projectId, orgProjects)));
  await tx
    .delete(organizationMembers)
    .where(
      and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)),
    );
}
