// Where a step keeps its templates and its code, so the validator checks exactly what the engine renders.
import type { TMapInnerStep, TStep } from '../types.ts';

type TStepLike = TStep | TMapInnerStep;
export type TTemplateField = { field: string; text: string };

// The engine renders every field of a step except these (engine/claim-step.ts renderStep): code and
// expressions are read by the sandbox, branch lists and schemas are data, the rest is placement and policy.
const NOT_RENDERED = new Set([
  'id',
  'type',
  'dependsOn',
  'retry',
  'onError',
  'timeoutMs',
  'code',
  'if',
  'then',
  'else',
  'responseSchema',
]);

function walk(value: unknown, field: string, out: TTemplateField[]): void {
  if (typeof value === 'string') out.push({ field, text: value });
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walk(v, `${field}.${i}`, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, field ? `${field}.${k}` : k, out);
  }
}

/**
 * The template strings of a step with the field each sits in (`prompt`, `headers.Authorization`, `body.text`).
 * For a map only `items`: its inner step is rendered per item, and listed with `templateFields(map.step, 'step.')`.
 */
export function templateFields(step: TStepLike, prefix = ''): TTemplateField[] {
  const out: TTemplateField[] = [];
  if (step.type === 'map') {
    walk(step.items, `${prefix}items`, out);
    return out;
  }
  for (const [k, v] of Object.entries(step)) if (!NOT_RENDERED.has(k)) walk(v, `${prefix}${k}`, out);
  return out;
}

/** The sandboxed JavaScript of a step (transform code, condition expression). */
export function codeFields(step: TStepLike, prefix = ''): TTemplateField[] {
  if (step.type === 'transform') return [{ field: `${prefix}code`, text: step.code }];
  if (step.type === 'condition') return [{ field: `${prefix}if`, text: step.if }];
  return [];
}

const CODE_STEP_REF = /\bsteps\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*(['"])([^'"\\]+)\2\s*\])/g;

/** Step ids that code reads as `steps.x` or `steps['x']` (best effort: computed keys cannot be known). */
export function codeStepRefs(code: string): string[] {
  return [...code.matchAll(CODE_STEP_REF)].map((m) => (m[1] ?? m[3]) as string);
}
