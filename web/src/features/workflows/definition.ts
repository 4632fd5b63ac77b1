// The workflow definition as the editor sees it. The types are the contract the server's validator produces
// (contracts/orchestration), so the editor and the validator cannot disagree on a field name.
import type { TStep, TStepType, TWorkflowDefinition } from '../../../../contracts/orchestration/index.ts';

export type { TStep, TStepType, TWorkflowDefinition };

/** A validation error of POST /workflows/{id}/versions: the step (id or `steps[i]`), the field, the message. */
export type TStepError = { step?: string; field?: string; message: string };

// A mapped type, so a step type added to the contract fails to compile here until the palette offers it.
const STEP_TYPE_INFO: { readonly [T in TStepType]: { label: string; description: string } } = {
  llm: { label: 'LLM', description: 'Prompt a model or route' },
  agent: { label: 'Agent', description: 'The best agent for the requirements' },
  http: { label: 'HTTP', description: 'Call a URL' },
  transform: { label: 'Transform', description: 'JavaScript in a sandbox' },
  condition: { label: 'Condition', description: 'Branch on an expression' },
  map: { label: 'Map', description: 'Run a step for each item' },
  delay: { label: 'Delay', description: 'Wait a while' },
  approval: { label: 'Approval', description: 'Wait for a person' },
  workflow: { label: 'Sub-workflow', description: 'Run another workflow' },
  ensemble: { label: 'Ensemble', description: 'Several models, combined' },
};

/** The palette's entries, in the order above. */
export const STEP_TYPES: readonly { type: TStepType; label: string; description: string }[] = (
  Object.keys(STEP_TYPE_INFO) as TStepType[]
).map((type) => ({ type, ...STEP_TYPE_INFO[type] }));

export const stepTypeLabel = (type: string) => STEP_TYPES.find((t) => t.type === type)?.label ?? type;

/** A new step of `type` with the fields its schema requires, named with the first free `<type>-<n>` id. */
export function newStep(type: TStepType, existing: readonly TStep[], dependsOn: string[] = []): TStep {
  const ids = new Set(existing.map((s) => s.id));
  let n = 1;
  while (ids.has(`${type}-${n}`)) n++;
  const base = { id: `${type}-${n}`, ...(dependsOn.length > 0 ? { dependsOn } : {}) };
  switch (type) {
    case 'llm':
      return { ...base, type, prompt: '' };
    case 'agent':
      return { ...base, type, prompt: '' };
    case 'http':
      return { ...base, type, method: 'GET', url: '' };
    case 'transform':
      return { ...base, type, code: 'return input;' };
    case 'condition':
      return { ...base, type, if: '' };
    case 'map':
      return { ...base, type, items: '', step: { type: 'llm', prompt: '{{ item }}' } };
    case 'delay':
      return { ...base, type, ms: 1000 };
    case 'approval':
      return { ...base, type, message: '' };
    case 'workflow':
      return { ...base, type, workflowId: '' };
    case 'ensemble':
      return { ...base, type, models: [], prompt: '' };
  }
}

/** Replaces step `id` by `next` (a form edit), renaming references to it when its id changed. */
export function replaceStep(definition: TWorkflowDefinition, id: string, next: TStep): TWorkflowDefinition {
  const renamed = next.id !== id;
  const rename = (list: string[] | undefined) => list?.map((x) => (x === id ? next.id : x));
  return {
    ...definition,
    steps: definition.steps.map((s) => {
      if (s.id === id) return next;
      if (!renamed) return s;
      const moved = { ...s, dependsOn: rename(s.dependsOn) } as TStep;
      if (moved.type === 'condition') {
        // biome-ignore lint/suspicious/noThenProperty: a condition step's branch list (SPEC §5); an array, never a thenable.
        moved.then = rename(moved.then);
        moved.else = rename(moved.else);
      }
      if (typeof moved.onError === 'object' && moved.onError.fallback === id)
        moved.onError = { fallback: next.id };
      return moved;
    }),
  };
}

/** Removes a step and every reference to it. */
export function removeStep(definition: TWorkflowDefinition, id: string): TWorkflowDefinition {
  const without = (list: string[] | undefined) => {
    const kept = list?.filter((x) => x !== id);
    return kept && kept.length > 0 ? kept : undefined;
  };
  return {
    ...definition,
    steps: definition.steps
      .filter((s) => s.id !== id)
      .map((s) => {
        const next = { ...s, dependsOn: without(s.dependsOn) } as TStep;
        if (next.type === 'condition') {
          // biome-ignore lint/suspicious/noThenProperty: a condition step's branch list (SPEC §5); an array, never a thenable.
          next.then = without(next.then);
          next.else = without(next.else);
        }
        if (typeof next.onError === 'object' && next.onError.fallback === id) next.onError = undefined;
        return dropUndefined(next);
      }),
  };
}

/** Adds `from` to the dependencies of `to` (an edge drawn on the canvas). */
export function connect(definition: TWorkflowDefinition, from: string, to: string): TWorkflowDefinition {
  if (from === to) return definition;
  return {
    ...definition,
    steps: definition.steps.map((s) =>
      s.id === to && !s.dependsOn?.includes(from) ? { ...s, dependsOn: [...(s.dependsOn ?? []), from] } : s,
    ),
  };
}

/** Removes `from` from the dependencies of `to`. */
export function disconnect(definition: TWorkflowDefinition, from: string, to: string): TWorkflowDefinition {
  return {
    ...definition,
    steps: definition.steps.map((s) => {
      if (s.id !== to) return s;
      const dependsOn = s.dependsOn?.filter((d) => d !== from);
      return dropUndefined({ ...s, dependsOn: dependsOn && dependsOn.length > 0 ? dependsOn : undefined });
    }),
  };
}

/** The server refuses unknown keys; an optional field left empty must be absent, not undefined or "". */
export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Parses a definition a server sent as an untyped object; a minimal shape check, the server validates. */
export function asDefinition(raw: unknown): TWorkflowDefinition {
  if (raw && typeof raw === 'object' && Array.isArray((raw as { steps?: unknown }).steps)) {
    return raw as TWorkflowDefinition;
  }
  return { steps: [] };
}

/** Groups validation errors by the step they name; errors of no step are the definition's own. */
export function errorsByStep(errors: readonly TStepError[]): {
  byStep: Map<string, TStepError[]>;
  general: TStepError[];
} {
  const byStep = new Map<string, TStepError[]>();
  const general: TStepError[] = [];
  for (const error of errors) {
    if (!error.step) general.push(error);
    else byStep.set(error.step, [...(byStep.get(error.step) ?? []), error]);
  }
  return { byStep, general };
}
