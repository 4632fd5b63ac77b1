// First pass of validateDefinition: the outer shape, then each step against its own type's schema, so errors
// name the step and the field (`{ step: 'fetch', field: 'url', message: 'Required' }`).
import type { z } from 'zod';
import type { TStep, TWorkflowDefinition } from '../types.ts';
import { STEP_SCHEMAS, STEP_TYPES, ZDefinitionShellSchema } from './schemas.ts';

export type TDefinitionError = { step: string | null; field: string; message: string };

export type TShapes = {
  errors: TDefinitionError[];
  /** Steps that match their schema, in definition order. */
  steps: TStep[];
  /** Every step id written in the definition (valid steps or not), so references to a broken step still resolve. */
  ids: Set<string>;
  shell: Omit<TWorkflowDefinition, 'steps'> | null;
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** zod issues as definition errors; a missing field reads "Required" rather than a type mismatch. */
export function issuesToErrors(
  step: string | null,
  raw: unknown,
  issues: z.core.$ZodIssue[],
): TDefinitionError[] {
  return issues.map((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      const field = [...path, issue.keys[0] ?? ''].join('.');
      return {
        step,
        field,
        message: `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`,
      };
    }
    const missing = issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined;
    return { step, field: path.join('.'), message: missing ? 'Required' : issue.message };
  });
}

/** Checks the outer shape and every step's fields; collects ids and duplicate-id errors. */
export function checkShapes(raw: unknown): TShapes {
  const shell = ZDefinitionShellSchema.safeParse(raw);
  if (!shell.success) {
    return { errors: issuesToErrors(null, raw, shell.error.issues), steps: [], ids: new Set(), shell: null };
  }
  const errors: TDefinitionError[] = [];
  const steps: TStep[] = [];
  const ids = new Set<string>();
  shell.data.steps.forEach((rawStep, i) => {
    const candidate = rawStep as { id?: unknown; type?: unknown } | null;
    const label = typeof candidate?.id === 'string' && candidate.id ? candidate.id : `steps[${i}]`;
    if (candidate === null || typeof candidate !== 'object' || Array.isArray(candidate)) {
      errors.push({ step: label, field: '', message: 'A step must be an object' });
      return;
    }
    if (typeof candidate.id === 'string') {
      if (ids.has(candidate.id))
        errors.push({ step: label, field: 'id', message: `Duplicate step id "${label}"` });
      ids.add(candidate.id);
    }
    const type = candidate.type;
    if (typeof type !== 'string' || !(type in STEP_SCHEMAS)) {
      const message =
        type === undefined
          ? 'Required'
          : `Unknown step type ${JSON.stringify(type)}; one of ${STEP_TYPES.join(', ')}`;
      errors.push({ step: label, field: 'type', message });
      return;
    }
    const parsed = STEP_SCHEMAS[type as keyof typeof STEP_SCHEMAS].safeParse(rawStep);
    if (parsed.success) steps.push(parsed.data as TStep);
    else errors.push(...issuesToErrors(label, rawStep, parsed.error.issues));
  });
  const { steps: _steps, ...rest } = shell.data;
  return { errors, steps, ids, shell: rest };
}
