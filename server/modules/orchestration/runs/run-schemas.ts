import { z } from 'zod';
import { ZListQuerySchema } from '../../../../contracts/pagination.ts';
import { RUN_STATUSES, STEP_STATUSES, TRIGGER_KINDS } from '../schema.ts';

export const ZExecuteBodySchema = z.strictObject({ input: z.unknown().optional() });
export const ZRunIdParamSchema = z.object({ id: z.uuid({ message: 'Run id must be a UUID' }) });
export const ZWorkflowIdParamSchema = z.object({ id: z.uuid({ message: 'Workflow id must be a UUID' }) });

export const ZRunListQuerySchema = ZListQuerySchema.extend({
  workflowId: z.uuid().optional(),
  status: z.enum(RUN_STATUSES).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type TRunListQuery = z.infer<typeof ZRunListQuerySchema>;

export const ZRunSchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  version: z.number().int(),
  status: z.enum(RUN_STATUSES),
  trigger: z.enum(TRIGGER_KINDS),
  input: z.unknown(),
  output: z.unknown(),
  error: z.string().nullable(),
  parentRunId: z.string().nullable(),
  parentStepId: z.string().nullable(),
  tokens: z.number().int(),
  cost: z.number(),
  cancelRequested: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const ZRunStepSchema = z.object({
  stepId: z.string(),
  type: z.string(),
  status: z.enum(STEP_STATUSES),
  attempts: z.number().int(),
  input: z.unknown(),
  output: z.unknown(),
  error: z.string().nullable(),
  logs: z.array(z.object({ at: z.string(), level: z.string(), message: z.string() })),
  agentId: z.string().nullable(),
  tokens: z.number().int(),
  cost: z.number(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
});

export const ZRunDetailSchema = ZRunSchema.extend({ steps: z.array(ZRunStepSchema) });
