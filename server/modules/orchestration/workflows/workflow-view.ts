import type { workflows, workflowVersions } from '../schema.ts';
import type { TWorkflowVersionView, TWorkflowView } from './workflow-schemas.ts';

export type TWorkflowRow = typeof workflows.$inferSelect;
export type TWorkflowVersionRow = typeof workflowVersions.$inferSelect;

export const toWorkflowView = (row: TWorkflowRow): TWorkflowView => ({
  id: row.id,
  organizationId: row.organizationId,
  projectId: row.projectId,
  name: row.name,
  description: row.description,
  currentVersion: row.currentVersion,
  status: row.status,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const toVersionView = (row: TWorkflowVersionRow): TWorkflowVersionView => ({
  workflowId: row.workflowId,
  version: row.version,
  definition: row.definition,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
});

/** What permission checks need to know of a workflow: its tenant, creator and project. */
export const workflowResource = (row: TWorkflowRow) => ({
  organizationId: row.organizationId,
  ...(row.createdBy ? { ownerId: row.createdBy } : {}),
  ...(row.projectId ? { projectId: row.projectId } : {}),
});
