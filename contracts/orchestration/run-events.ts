// A run's event log (SPEC §5): the server appends these in the transaction that changes the run and streams
// them over GET /runs/{id}/events (SSE, id = seq); the web folds them into its live run view.
import type { TRunStatus, TStepStatus, TTriggerKind } from './statuses.ts';
import type { TStepType } from './workflow-definition.ts';

type TNoData = Record<string, never>;

/** What each event type carries in `data`. */
export type TRunEventData = {
  'run.queued': { version: number; trigger: TTriggerKind };
  'run.running': TNoData;
  'run.waiting': TNoData;
  'run.finished': { status: TRunStatus; error: string | null };
  /** `recovered`: another worker's lease on the step ran out and this attempt took over. */
  'step.started': { attempt: number; type: TStepType; recovered: boolean };
  'step.retrying': { attempt: number; error: string; nextAttemptAt: string };
  /** Waiting for a time (delay), a sub-run (workflow) or its items (map). */
  'step.waiting': { until: string } | { childRunId: string } | { items: number };
  'step.skipped': TNoData;
  /** `childRunId` for a sub-workflow step, finished by its run. */
  'step.finished': { status: TStepStatus; error?: string | null; attempt?: number; childRunId?: string };
  /** Text a model streamed; never stored in the activity list, only appended to the step's live text. */
  'step.tokens': { delta: string };
  'approval.requested': { approvalId: string | null; message: string };
  'approval.decided': { approvalId: string; decision: 'approved' | 'rejected'; decidedBy: string };
};
export type TRunEventType = keyof TRunEventData;
/** The event types whose `data` is empty, so an append may leave it out. */
export type TRunEventWithoutData = {
  [K in TRunEventType]: TRunEventData[K] extends TNoData ? K : never;
}[TRunEventType];

/** One event as stored and streamed, its `data` narrowed by its `type`. */
export type TRunEvent = {
  [K in TRunEventType]: {
    seq: number;
    runId: string;
    type: K;
    stepId: string | null;
    data: TRunEventData[K];
    createdAt: string;
  };
}[TRunEventType];
