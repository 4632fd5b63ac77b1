import { asc, count, desc, eq } from 'drizzle-orm';
import { paginate, type TListQuery, type TPagination } from '../../../../contracts/pagination.ts';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import type { TActor } from '../permissions/index.ts';
import { projectMembers, users } from '../schema.ts';
import { authorizeProject } from './project-access.ts';
import { MEMBER_COLUMNS, toProjectMember } from './project-member-rows.ts';
import type { TProjectMember } from './project-schemas.ts';

/** A page of a project's members, in the order they were added (`?order`, `project_member:read`). */
export async function listProjectMembers({
  db,
  actor,
  projectId,
  query,
}: {
  db: Database;
  actor: TActor;
  projectId: string;
  query: TListQuery;
}): Promise<{ data: TProjectMember[]; pagination: TPagination }> {
  const where = eq(projectMembers.projectId, projectId);
  const direction = query.order === 'asc' ? asc : desc;
  return withTenant(db, actor.organizationId, async (tx) => {
    await authorizeProject({ on: tx, actor, projectId, action: 'project_member:read' });
    const [counted] = await tx.select({ total: count() }).from(projectMembers).where(where);
    const rows = await tx
      .select(MEMBER_COLUMNS)
      .from(projectMembers)
      .innerJoin(users, eq(users.id, projectMembers.userId))
      .where(where)
      .orderBy(direction(projectMembers.invitedAt), direction(projectMembers.userId))
      .limit(query.limit)
      .offset(query.offset);
    return { data: rows.map(toProjectMember), pagination: paginate(counted?.total ?? 0, query) };
  });
}
