import type { z } from 'zod';
import type { TRunRow, TStepRow } from '../engine/load-run.ts';
import type { ZRunSchema, ZRunStepSchema } from './run-schemas.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function serializeRun(r: TRunRow): z.infer<typeof ZRunSchema> {
  return {
    id: r.id,
    workflowId: r.workflowId,
    version: r.version,
    status: r.status,
    trigger: r.trigger,
    input: r.input,
    output: r.output ?? null,
    error: r.error,
    parentRunId: r.parentRunId,
    parentStepId: r.parentStepId,
    tokens: r.tokens,
    cost: Number(r.cost),
    cancelRequested: r.cancelRequested,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
  };
}

export function serializeStep(s: TStepRow): z.infer<typeof ZRunStepSchema> {
  return {
    stepId: s.stepId,
    type: s.type,
    status: s.status,
    attempts: s.attempts,
    input: s.input ?? null,
    output: s.output ?? null,
    error: s.error,
    logs: s.logs,
    agentId: s.agentId,
    tokens: s.tokens,
    cost: Number(s.cost),
    startedAt: iso(s.startedAt),
    finishedAt: iso(s.finishedAt),
    durationMs: s.startedAt && s.finishedAt ? s.finishedAt.getTime() - s.startedAt.getTime() : null,
  };
}
