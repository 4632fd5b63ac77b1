import { z } from 'zod';
import { defineEvent } from '../../../platform/events/index.ts';

// Emitted with aggregateId = workflowId, the organization and the acting user (the audit trail says who).

/** A workflow was made; its first version is its definition. */
export const WorkflowCreated = defineEvent(
  'workflow.created',
  z.object({
    workflowId: z.uuid(),
    name: z.string(),
    projectId: z.uuid().nullable(),
    version: z.number().int(),
  }),
);

/**
 * Fields changed: metadata names, `definition` for a new version, `currentVersion` for a rollback, `status`
 * for archiving (DELETE) or restoring. `version` is the current version after the change.
 */
export const WorkflowUpdated = defineEvent(
  'workflow.updated',
  z.object({
    workflowId: z.uuid(),
    changed: z.array(z.string()),
    version: z.number().int(),
    status: z.enum(['active', 'archived']),
  }),
);
