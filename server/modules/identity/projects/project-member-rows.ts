import { and, eq } from 'drizzle-orm';
import type { TExecutor } from '../../../platform/db/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import { projectMembers, users } from '../schema.ts';
import type { TProjectMember } from './project-schemas.ts';

/** The columns of a member as the API shows it: the membership plus who the user is. */
export const MEMBER_COLUMNS = {
  projectId: projectMembers.projectId,
  userId: projectMembers.userId,
  email: users.email,
  name: users.name,
  role: projectMembers.role,
  permissions: projectMembers.permissions,
  invitedAt: projectMembers.invitedAt,
  joinedAt: projectMembers.joinedAt,
};

type TMemberRow = Omit<TProjectMember, 'invitedAt' | 'joinedAt'> & { invitedAt: Date; joinedAt: Date | null };

export function toProjectMember(row: TMemberRow): TProjectMember {
  return {
    projectId: row.projectId,
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    permissions: row.permissions,
    invitedAt: row.invitedAt.toISOString(),
    joinedAt: row.joinedAt ? row.joinedAt.toISOString() : null,
  };
}

/** One member of a project (already scoped to the actor's organization), or RESOURCE_NOT_FOUND. */
export async function findProjectMember({
  on,
  projectId,
  userId,
}: {
  on: TExecutor;
  projectId: string;
  userId: string;
}): Promise<TProjectMember> {
  const [row] = await on
    .select(MEMBER_COLUMNS)
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
  if (!row) throw notFound('Project member');
  return toProjectMember(row);
}

/** How many owners the project has; the last one may be neither removed nor demoted. */
export async function countOwners({ on, projectId }: { on: TExecutor; projectId: string }): Promise<number> {
  const rows = await on
    .select({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, 'owner')));
  return rows.length;
}
