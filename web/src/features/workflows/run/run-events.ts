// The run's live events (GET /runs/{id}/events, typed in contracts/orchestration/run-events.ts) folded into what
// the run view shows: each step's latest status, the tokens it streamed, the run's status, and an activity list.
import {
  RUN_STATUSES,
  STEP_STATUSES,
  type TRunEvent,
  type TRunStatus,
  type TStepStatus,
} from '../../../../../contracts/orchestration/index.ts';

export type { TRunEvent };

export type TRunLive = {
  lastSeq: number;
  runStatus: TRunStatus | null;
  statuses: Map<string, TStepStatus>;
  liveText: Map<string, string>;
  activity: TRunEvent[];
};

export const EMPTY_LIVE: TRunLive = {
  lastSeq: 0,
  runStatus: null,
  statuses: new Map(),
  liveText: new Map(),
  activity: [],
};

// The stream's statuses are checked rather than trusted: a newer server may know statuses this page does not.
const asStepStatus = (v: unknown) =>
  (STEP_STATUSES as readonly unknown[]).includes(v) ? (v as TStepStatus) : null;
const asRunStatus = (v: unknown) =>
  (RUN_STATUSES as readonly unknown[]).includes(v) ? (v as TRunStatus) : null;

/** The step status an event implies, or null when it says nothing about one. */
function stepStatusOf(event: TRunEvent): TStepStatus | null {
  switch (event.type) {
    case 'step.started':
      return 'running';
    case 'step.retrying':
      return 'pending';
    case 'step.waiting':
    case 'approval.requested':
      return 'waiting';
    case 'step.skipped':
      return 'skipped';
    case 'step.finished':
      return asStepStatus(event.data.status);
    default:
      return null;
  }
}

function runStatusOf(event: TRunEvent): TRunStatus | null {
  if (event.type === 'run.finished') return asRunStatus(event.data.status);
  if (event.type.startsWith('run.')) return asRunStatus(event.type.slice('run.'.length));
  return null;
}

/** Applies one event; events already applied (a replay after reconnecting) are ignored. */
export function applyRunEvent(state: TRunLive, event: TRunEvent): TRunLive {
  if (event.seq <= state.lastSeq) return state;
  const next: TRunLive = { ...state, lastSeq: event.seq };
  if (event.type === 'step.tokens') {
    if (event.stepId && typeof event.data.delta === 'string') {
      next.liveText = new Map(state.liveText).set(
        event.stepId,
        (state.liveText.get(event.stepId) ?? '') + event.data.delta,
      );
    }
    // Token deltas would flood the activity list; the step's live text shows them.
    return next;
  }
  const status = event.stepId ? stepStatusOf(event) : null;
  if (status && event.stepId) {
    next.statuses = new Map(state.statuses).set(event.stepId, status);
    // A retry starts a fresh answer.
    if (event.type === 'step.started' && state.liveText.has(event.stepId)) {
      next.liveText = new Map(state.liveText);
      next.liveText.delete(event.stepId);
    }
  }
  next.runStatus = runStatusOf(event) ?? state.runStatus;
  next.activity = [...state.activity, event];
  return next;
}

/** A line for the activity list. */
export function describeEvent(event: TRunEvent): string {
  const step = event.stepId ? ` ${event.stepId}` : '';
  // Whatever status and error the event carries, for the line of any type (the default names the type).
  const data: Readonly<Record<string, unknown>> = event.data;
  const status = typeof data.status === 'string' ? `: ${data.status}` : '';
  const error = typeof data.error === 'string' && data.error ? ` (${data.error})` : '';
  switch (event.type) {
    case 'step.started':
      return `Step${step} started (attempt ${String(event.data.attempt ?? 1)})`;
    case 'step.finished':
      return `Step${step} finished${status}${error}`;
    case 'approval.requested':
      return `Step${step} waits for approval`;
    case 'approval.decided':
      return `Step${step} ${String(event.data.decision)}`;
    default:
      return `${event.type}${step}${status}${error}`;
  }
}
