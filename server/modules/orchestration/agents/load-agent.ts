import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { TTx } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/http/index.ts';
import { aiRoutes } from '../../ai/index.ts';
import { agents } from '../schema.ts';
import type { TAgentRow } from './agent-view.ts';

/** The organization's agent row, in a tenant transaction; RESOURCE_NOT_FOUND for unknown or foreign ids. */
export async function loadAgentRow(
  tx: TTx,
  organizationId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<TAgentRow> {
  if (!z.uuid().safeParse(id).success) throw notFound('Agent');
  const query = tx
    .select()
    .from(agents)
    .where(and(eq(agents.id, id), eq(agents.organizationId, organizationId)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Agent');
  return row;
}

/** VALIDATION_ERROR unless the organization has an AI route of this name (checked now, not at the first run). */
export async function assertRouteExists(tx: TTx, organizationId: string, route: string): Promise<void> {
  const [row] = await tx
    .select({ id: aiRoutes.id })
    .from(aiRoutes)
    .where(and(eq(aiRoutes.organizationId, organizationId), eq(aiRoutes.name, route)));
  if (!row) {
    throw new AppError('VALIDATION_ERROR', `Unknown AI route "${route}"`, {
      details: [{ field: 'route', message: 'No AI route of this name in the organization' }],
    });
  }
}

export const agentNameConflict = () =>
  new AppError('CONFLICT', 'An agent with this name already exists', {
    details: [{ field: 'name', message: 'Already used in this organization' }],
  });

/** CONFLICT when another agent of the organization has this name (the unique (org, name) index would refuse). */
export async function assertNameFree(
  tx: TTx,
  organizationId: string,
  name: string,
  exceptId: string,
): Promise<void> {
  const [row] = await tx
    .select({ id: agents.id })
    .from(agents)
    .where(and(eq(agents.organizationId, organizationId), eq(agents.name, name), ne(agents.id, exceptId)));
  if (row) throw agentNameConflict();
}
