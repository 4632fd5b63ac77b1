import { z } from 'zod';
import { defineEvent } from '../../../platform/events/index.ts';

const ZRunEventPayload = z.object({
  runId: z.string(),
  workflowId: z.string(),
  status: z.string(),
  trigger: z.string(),
  error: z.string().nullable(),
  parentRunId: z.string().nullable(),
});

/** A run finished successfully (SPEC §9 `workflow.run.completed`). */
export const workflowRunCompleted = defineEvent('workflow.run.completed', ZRunEventPayload);
/** A run failed or was cancelled. */
export const workflowRunFailed = defineEvent('workflow.run.failed', ZRunEventPayload);
/** A run was started (any trigger). */
export const workflowRunStarted = defineEvent('workflow.run.started', ZRunEventPayload);
