// Second pass of validateDefinition: every reference resolves, the graph is acyclic, and templates read only
// steps that are sure to have finished before theirs (transitive predecessors).
import type { TStep } from '../types.ts';
import type { TDefinitionError } from './check-shapes.ts';
import { ancestorsOf, buildEdges, findCycle } from './graph.ts';
import { codeFields, codeStepRefs, type TTemplateField, templateFields } from './step-templates.ts';
import { stringsIn, TemplateError, templatePaths } from './template.ts';

type TCtx = {
  ids: Set<string>;
  errors: TDefinitionError[];
  inputProperties: Set<string> | null;
};

/**
 * The graph's edges a → b (a before b) of the valid steps, reporting references to unknown steps. The engine
 * runs a step behind at most one condition and as the fallback of at most one step (engine/graph.ts keeps one
 * of each), so a second gate or fallback source is refused rather than silently ignored.
 */
function collectEdges(steps: TStep[], ctx: TCtx): [string, string][] {
  const pairs: [string, string][] = [];
  const ref = (step: string, field: string, target: string, edge: [string, string]) => {
    if (ctx.ids.has(target)) pairs.push(edge);
    else ctx.errors.push({ step, field, message: `Unknown step "${target}"` });
  };
  const gatedBy = new Map<string, string>();
  const fallbackOf = new Map<string, string>();
  const once = (seen: Map<string, string>, target: string, step: string, field: string, what: string) => {
    const first = seen.get(target);
    if (first === undefined) seen.set(target, step);
    else ctx.errors.push({ step, field, message: `Step "${target}" is already ${what} "${first}"` });
  };
  for (const s of steps) {
    for (const d of s.dependsOn ?? []) ref(s.id, 'dependsOn', d, [d, s.id]);
    if (s.type === 'condition') {
      for (const t of s.then ?? []) ref(s.id, 'then', t, [s.id, t]);
      for (const t of s.else ?? []) ref(s.id, 'else', t, [s.id, t]);
      for (const t of (s.then ?? []).filter((x) => s.else?.includes(x))) {
        ctx.errors.push({ step: s.id, field: 'else', message: `Step "${t}" is in both then and else` });
      }
      const branches = [
        ...[...new Set(s.then ?? [])].map((t) => [t, 'then'] as const),
        ...[...new Set(s.else ?? [])].filter((t) => !s.then?.includes(t)).map((t) => [t, 'else'] as const),
      ];
      for (const [t, field] of branches) once(gatedBy, t, s.id, field, 'gated by condition');
    }
    if (typeof s.onError === 'object') {
      ref(s.id, 'onError.fallback', s.onError.fallback, [s.id, s.onError.fallback]);
      once(fallbackOf, s.onError.fallback, s.id, 'onError.fallback', 'the fallback of');
    }
  }
  // The dependents of a step with a fallback wait for that fallback when the step fails (engine/graph.ts), so
  // fallback → dependent is an edge too: a fallback depending on one of them would wait forever (a cycle).
  for (const [fallback, source] of fallbackOf) {
    if (!ctx.ids.has(fallback)) continue;
    for (const t of steps) if (t.dependsOn?.includes(source)) pairs.push([fallback, t.id]);
  }
  return pairs;
}

function checkStepRef(
  step: string | null,
  field: string,
  target: string,
  allowed: Set<string> | null,
  ctx: TCtx,
) {
  if (!ctx.ids.has(target)) ctx.errors.push({ step, field, message: `Unknown step "${target}"` });
  else if (allowed && !allowed.has(target)) {
    ctx.errors.push({
      step,
      field,
      message: `Step "${target}" is not a dependency of "${step}"; add it to dependsOn`,
    });
  }
}

/** Checks template paths: known roots, known and reachable steps, declared inputs. */
function checkTemplates(
  step: string | null,
  fields: TTemplateField[],
  allowed: Set<string> | null,
  inMap: boolean,
  ctx: TCtx,
) {
  for (const { field, text } of fields) {
    let paths: ReturnType<typeof templatePaths>;
    try {
      paths = templatePaths(text);
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      ctx.errors.push({ step, field, message: err.message });
      continue;
    }
    for (const { text: path, segments } of paths) {
      const [root, first, second] = segments;
      if (root === 'steps') {
        if (typeof first !== 'string')
          ctx.errors.push({ step, field, message: `"${path}" must name a step` });
        else {
          checkStepRef(step, field, first, allowed, ctx);
          if (second !== undefined && second !== 'output' && second !== 'status') {
            ctx.errors.push({ step, field, message: `"${path}": a step has only output and status` });
          }
        }
      } else if (root === 'input') {
        if (ctx.inputProperties && typeof first === 'string' && !ctx.inputProperties.has(first)) {
          ctx.errors.push({ step, field, message: `"${path}": input has no property "${first}"` });
        }
      } else if ((root === 'item' || root === 'index') && !inMap) {
        ctx.errors.push({ step, field, message: `"${path}": ${root} exists only inside a map's step` });
      } else if (root !== 'item' && root !== 'index') {
        ctx.errors.push({ step, field, message: `"${path}": a template reads input, steps, item or index` });
      }
    }
  }
}

/** Reference, graph and template checks over the steps that passed their schema. */
export function checkReferences(
  steps: TStep[],
  ids: Set<string>,
  shell: { input?: Record<string, unknown>; output?: unknown },
): TDefinitionError[] {
  const props = shell.input?.properties;
  const ctx: TCtx = {
    ids,
    errors: [],
    inputProperties: props && typeof props === 'object' ? new Set(Object.keys(props)) : null,
  };
  const { forward, reversed } = buildEdges(collectEdges(steps, ctx));
  const cycle = findCycle([...ids], forward);
  if (cycle) {
    ctx.errors.push({ step: cycle[0] ?? null, field: 'dependsOn', message: `Cycle: ${cycle.join(' → ')}` });
  }
  for (const s of steps) {
    const allowed = ancestorsOf(s.id, reversed);
    checkTemplates(s.id, templateFields(s), allowed, false, ctx);
    for (const { field, text } of codeFields(s)) {
      for (const target of codeStepRefs(text)) checkStepRef(s.id, field, target, allowed, ctx);
    }
    if (s.type === 'map') {
      checkTemplates(s.id, templateFields(s.step, 'step.'), allowed, true, ctx);
      for (const { field, text } of codeFields(s.step, 'step.')) {
        for (const target of codeStepRefs(text)) checkStepRef(s.id, field, target, allowed, ctx);
      }
    }
  }
  // The run's output is computed after every step, so it may read any of them.
  const outputFields = stringsIn(shell.output).map((text) => ({ field: 'output', text }));
  checkTemplates(null, outputFields, null, false, ctx);
  return ctx.errors;
}
