import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TTx } from '../../../platform/db/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import { projects } from '../../identity/index.ts';
import { workflows } from '../schema.ts';
import type { TWorkflowRow } from './workflow-view.ts';

const isUuid = (id: string) => z.uuid().safeParse(id).success;

/**
 * The organization's workflow row, in a tenant transaction; RESOURCE_NOT_FOUND for an unknown id or another
 * tenant's. `forUpdate` locks it, so concurrent version saves number their versions one after the other.
 */
export async function loadWorkflowRow(
  tx: TTx,
  organizationId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<TWorkflowRow> {
  if (!isUuid(id)) throw notFound('Workflow');
  const query = tx
    .select()
    .from(workflows)
    .where(and(eq(workflows.id, id), eq(workflows.organizationId, organizationId)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Workflow');
  return row;
}

/** RESOURCE_NOT_FOUND unless the project is the organization's. */
export async function assertProjectInOrg(tx: TTx, organizationId: string, projectId: string): Promise<void> {
  const [row] = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.organizationId, organizationId)));
  if (!row) throw notFound('Project');
}
