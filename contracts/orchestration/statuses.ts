// Where a run and its steps stand (SPEC §5). The server's columns take their enums from these lists; the web
// reads them to know when a run stops changing.

export const RUN_STATUSES = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'] as const;
export type TRunStatus = (typeof RUN_STATUSES)[number];

export const STEP_STATUSES = [
  'pending',
  'running',
  'waiting',
  'succeeded',
  'failed',
  'skipped',
  'cancelled',
] as const;
export type TStepStatus = (typeof STEP_STATUSES)[number];

/** A run in one of these never changes again: no step starts, no event follows `run.finished`. */
export const TERMINAL_RUN: ReadonlySet<TRunStatus> = new Set(['succeeded', 'failed', 'cancelled']);
/** A step in one of these is settled: its dependants may start (a failure then applies its `onError`). */
export const TERMINAL_STEP: ReadonlySet<TStepStatus> = new Set([
  'succeeded',
  'failed',
  'skipped',
  'cancelled',
]);

/** What started a run. */
export const TRIGGER_KINDS = ['manual', 'schedule', 'webhook', 'event', 'workflow'] as const;
export type TTriggerKind = (typeof TRIGGER_KINDS)[number];
