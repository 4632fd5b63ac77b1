// The pure part of advancing a run: given the definition and the step rows, which steps are skipped, which
// may start, whether a map has finished, and whether the run is over. No I/O, so every rule is unit-tested.
import type { TStepStatus } from '../../../../contracts/orchestration/statuses.ts';
import type { TScope, TStep, TWorkflowDefinition } from '../types.ts';
import { TERMINAL_STEP } from './engine-types.ts';
import { parseChildId, type TStepRow } from './load-run.ts';
import { oversizedOutput } from './output-limit.ts';

type TState = { status: TStepStatus; output: unknown; error: string | null };

export interface TAdvancePlan {
  skip: string[];
  ready: string[];
  /** Map items to enqueue (inside each map's concurrency window). */
  readyItems: string[];
  /** Maps whose items are all finished. */
  mapsDone: { id: string; status: 'succeeded' | 'failed'; output: unknown; error: string | null }[];
  /** A step failed with onError 'fail' (after its retries): the run fails. */
  fatal: { stepId: string; error: string } | null;
  /** Every top-level step is finished. */
  finished: boolean;
}

const onErrorOf = (s: TStep) => s.onError ?? 'fail';

/** Steps only ever run as another step's fallback (they wait for that step to fail). */
function fallbackSources(def: TWorkflowDefinition): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of def.steps) {
    const on = s.onError;
    if (on && typeof on === 'object') m.set(on.fallback, s.id);
  }
  return m;
}

/** The condition that gates a step through its then/else lists, with the branch it is on. */
function gates(def: TWorkflowDefinition): Map<string, { condition: string; branch: boolean }> {
  const m = new Map<string, { condition: string; branch: boolean }>();
  for (const s of def.steps) {
    if (s.type !== 'condition') continue;
    for (const id of s.then ?? []) m.set(id, { condition: s.id, branch: true });
    for (const id of s.else ?? []) m.set(id, { condition: s.id, branch: false });
  }
  return m;
}

/** A condition's verdict from its executor's output: a boolean, or `{ result }` / `{ value }`. */
export function conditionVerdict(output: unknown): boolean {
  if (output !== null && typeof output === 'object') {
    const o = output as Record<string, unknown>;
    return Boolean('result' in o ? o.result : o.value);
  }
  return Boolean(output);
}

export function planAdvance(
  def: TWorkflowDefinition,
  rows: TStepRow[],
  opts: { maxOutputBytes?: number } = {},
): TAdvancePlan {
  const state = new Map<string, TState>(
    rows.map((r) => [r.stepId, { status: r.status, output: r.output, error: r.error }]),
  );
  const byId = new Map(def.steps.map((s) => [s.id, s]));
  const fallbacks = fallbackSources(def);
  const gated = gates(def);
  const plan: TAdvancePlan = {
    skip: [],
    ready: [],
    readyItems: [],
    mapsDone: [],
    fatal: null,
    finished: false,
  };
  const status = (id: string) => state.get(id)?.status ?? 'pending';

  // A dependency is settled when it finished in a way its dependents may proceed from.
  const settled = (id: string): boolean => {
    const st = status(id);
    if (st === 'succeeded' || st === 'skipped') return true;
    if (st !== 'failed') return false;
    const step = byId.get(id);
    const on = step ? step.onError : undefined;
    if (on === 'continue') return true;
    if (on && typeof on === 'object') return TERMINAL_STEP.has(status(on.fallback));
    return false;
  };

  // Maps first: their items are rows of their own, and a finished map settles its dependents below.
  for (const step of def.steps) {
    if (step.type !== 'map' || status(step.id) !== 'waiting') continue;
    const items = rows
      .filter((r) => parseChildId(r.stepId)?.mapId === step.id)
      .sort((a, b) => (parseChildId(a.stepId)?.index ?? 0) - (parseChildId(b.stepId)?.index ?? 0));
    const failed = items.find((r) => r.status === 'failed' && (step.step.onError ?? 'fail') === 'fail');
    const open = items.filter((r) => !TERMINAL_STEP.has(r.status));
    if (failed || open.length === 0) {
      const output = failed ? null : items.map((r) => (r.status === 'succeeded' ? r.output : null));
      // Each item's output fits the limit, but a thousand of them together need not.
      const tooLarge =
        output && opts.maxOutputBytes !== undefined
          ? oversizedOutput(output, opts.maxOutputBytes, 'The map output (all items together)')
          : null;
      const error = failed ? `Item ${failed.stepId}: ${failed.error ?? 'failed'}` : tooLarge;
      const done = error
        ? { id: step.id, status: 'failed' as const, output: null, error }
        : { id: step.id, status: 'succeeded' as const, output, error: null };
      plan.mapsDone.push(done);
      state.set(step.id, { status: done.status, output: done.output, error: done.error });
      continue;
    }
    // The first `concurrency` unfinished items form the window; the queue collapses re-enqueues of the same item.
    const window = open.slice(0, step.concurrency ?? 5);
    for (const r of window) if (r.status === 'pending') plan.readyItems.push(r.stepId);
  }

  // Skips cascade (a skipped branch skips what only it feeds), so repeat until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const step of def.steps) {
      if (status(step.id) !== 'pending' || plan.ready.includes(step.id)) continue;
      const skipIt = () => {
        state.set(step.id, { status: 'skipped', output: null, error: null });
        plan.skip.push(step.id);
        changed = true;
      };
      const gate = gated.get(step.id);
      if (gate) {
        const cs = status(gate.condition);
        if (cs === 'skipped') {
          skipIt();
          continue;
        }
        if (cs === 'succeeded' && conditionVerdict(state.get(gate.condition)?.output) !== gate.branch) {
          skipIt();
          continue;
        }
        if (cs !== 'succeeded') continue;
      }
      const deps = step.dependsOn ?? [];
      const source = fallbacks.get(step.id);
      if (source) {
        // A fallback runs only once its source failed for good, and like any step only after its own
        // dependencies settled (it may read their outputs); it is not skipped when they were.
        const ss = status(source);
        if (ss === 'succeeded' || ss === 'skipped' || ss === 'cancelled') skipIt();
        else if (ss === 'failed' && deps.every(settled)) plan.ready.push(step.id);
        continue;
      }
      if (!deps.every(settled)) continue;
      if (deps.length > 0 && deps.every((d) => status(d) === 'skipped')) skipIt();
      else plan.ready.push(step.id);
    }
  }

  for (const step of def.steps) {
    const st = state.get(step.id);
    if (st?.status === 'failed' && onErrorOf(step) === 'fail') {
      plan.fatal = { stepId: step.id, error: st.error ?? 'failed' };
      break;
    }
  }
  plan.finished = def.steps.every((s) => TERMINAL_STEP.has(status(s.id)));
  return plan;
}

/** What templates see: the run input and every finished top-level step (a failed step's fallback output). */
export function buildScope(def: TWorkflowDefinition, rows: TStepRow[], input: unknown): TScope {
  const byStep = new Map(rows.map((r) => [r.stepId, r]));
  const steps: TScope['steps'] = {};
  for (const s of def.steps) {
    const r = byStep.get(s.id);
    if (!r || !TERMINAL_STEP.has(r.status)) continue;
    let output = r.output ?? null;
    const on = s.onError;
    if (r.status === 'failed' && on && typeof on === 'object')
      output = byStep.get(on.fallback)?.output ?? null;
    steps[s.id] = { output, status: r.status };
  }
  return { input, steps };
}

/** The default output of a finished run: each leaf step (no other step depends on it) that ran, by id. */
export function leafOutputs(def: TWorkflowDefinition, scope: TScope): Record<string, unknown> {
  const needed = new Set(def.steps.flatMap((s) => s.dependsOn ?? []));
  const fallbackTargets = fallbackSources(def);
  const out: Record<string, unknown> = {};
  for (const s of def.steps) {
    if (needed.has(s.id) || fallbackTargets.has(s.id)) continue;
    const st = scope.steps[s.id];
    if (st && st.status !== 'skipped') out[s.id] = st.output;
  }
  return out;
}
