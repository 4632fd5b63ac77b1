import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TTx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import { validateDefinition } from '../definition/index.ts';
import { agents, workflows } from '../schema.ts';
import type { TWorkflowDefinition } from '../types.ts';

const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** Resolvers over the organization's rows (inside its tenant transaction): active workflows and agents. */
export function tenantResolvers(tx: TTx, organizationId: string, workflowId?: string) {
  return {
    workflowId,
    resolveWorkflow: async (id: string) => {
      if (!isUuid(id)) return false;
      const [row] = await tx
        .select({ id: workflows.id })
        .from(workflows)
        .where(
          and(
            eq(workflows.id, id),
            eq(workflows.organizationId, organizationId),
            eq(workflows.status, 'active'),
          ),
        );
      return row !== undefined;
    },
    resolveAgent: async (id: string) => {
      if (!isUuid(id)) return false;
      const [row] = await tx
        .select({ id: agents.id })
        .from(agents)
        .where(and(eq(agents.id, id), eq(agents.organizationId, organizationId)));
      return row !== undefined;
    },
  };
}

/**
 * The definition validated against the organization, or 422 VALIDATION_ERROR whose details are the
 * validator's `{ step, field, message }` errors.
 */
export async function checkDefinition(
  tx: TTx,
  organizationId: string,
  raw: unknown,
  workflowId?: string,
): Promise<TWorkflowDefinition> {
  const result = await validateDefinition(raw, tenantResolvers(tx, organizationId, workflowId));
  if (result.ok) return result.definition;
  throw new AppError('VALIDATION_ERROR', 'Invalid workflow definition', {
    status: 422,
    details: result.errors,
  });
}
