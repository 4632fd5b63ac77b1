import { and, asc, count, desc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import { paginate, type TPagination } from '../../../../contracts/pagination.ts';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import type { TActor } from '../permissions/index.ts';
import { projects } from '../schema.ts';
import { toProject } from './project-access.ts';
import type { TProject, TProjectListQuery } from './project-schemas.ts';

// Names sort case-insensitively, so "alpha" and "Bravo" come out in the order a person expects, whatever the
// database's collation.
const SORT_COLUMNS = {
  createdAt: projects.createdAt,
  updatedAt: projects.updatedAt,
  name: sql`lower(${projects.name})`,
} as const;

/** `%`, `_` and `\` typed by the user match themselves, not any text. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/**
 * A page of the actor's organization's projects (`project:read`), filtered by a case-insensitive name
 * fragment and an exact type. Ties break on id, so pages never overlap or skip a row.
 */
export async function listProjects({
  db,
  actor,
  query,
}: {
  db: Database;
  actor: TActor;
  query: TProjectListQuery;
}): Promise<{ data: TProject[]; pagination: TPagination }> {
  const filters: SQL[] = [eq(projects.organizationId, actor.organizationId)];
  if (query.q !== undefined) filters.push(ilike(projects.name, `%${escapeLike(query.q)}%`));
  if (query.type !== undefined) filters.push(eq(projects.type, query.type));
  const where = and(...filters);
  const direction = query.order === 'asc' ? asc : desc;

  return withTenant(db, actor.organizationId, async (tx) => {
    const [counted] = await tx.select({ total: count() }).from(projects).where(where);
    const rows = await tx
      .select()
      .from(projects)
      .where(where)
      .orderBy(direction(SORT_COLUMNS[query.sort]), direction(projects.id))
      .limit(query.limit)
      .offset(query.offset);
    return { data: rows.map(toProject), pagination: paginate(counted?.total ?? 0, query) };
  });
}
