// validateDefinition: everything that can be known about a workflow definition before it runs (SPEC §5).
import type { TWorkflowDefinition } from '../types.ts';
import { checkReferences } from './check-references.ts';
import { checkShapes, type TDefinitionError } from './check-shapes.ts';

export type { TDefinitionError } from './check-shapes.ts';

export type TDefinitionResolvers = {
  /** True when a workflow of this id exists in the organization (sub-workflow steps). */
  resolveWorkflow(id: string): Promise<boolean>;
  /** True when an agent of this id exists in the organization (pinned agent steps). */
  resolveAgent(id: string): Promise<boolean>;
  /** The workflow being saved: a step calling it would recurse forever. */
  workflowId?: string;
};

export type TDefinitionValidation =
  | { ok: true; definition: TWorkflowDefinition }
  | { ok: false; errors: TDefinitionError[] };

/** Ids of the organization's rows that the definition names: pinned agents and sub-workflows. */
async function checkExternalIds(
  definition: TWorkflowDefinition,
  r: TDefinitionResolvers,
): Promise<TDefinitionError[]> {
  const errors: TDefinitionError[] = [];
  for (const s of definition.steps) {
    const inner = s.type === 'map' ? s.step : null;
    for (const [target, prefix] of [
      [s, ''],
      [inner, 'step.'],
    ] as const) {
      if (
        target?.type === 'agent' &&
        target.agentId !== undefined &&
        !(await r.resolveAgent(target.agentId))
      ) {
        errors.push({ step: s.id, field: `${prefix}agentId`, message: `Unknown agent "${target.agentId}"` });
      }
      if (target?.type === 'workflow') {
        if (target.workflowId === r.workflowId) {
          errors.push({ step: s.id, field: `${prefix}workflowId`, message: 'A workflow cannot run itself' });
        } else if (!(await r.resolveWorkflow(target.workflowId))) {
          errors.push({
            step: s.id,
            field: `${prefix}workflowId`,
            message: `Unknown workflow "${target.workflowId}"`,
          });
        }
      }
    }
  }
  return errors;
}

/**
 * Validates a definition: each step's fields, unique ids, references (dependsOn, then/else, fallback), an
 * acyclic graph, templates reading only (transitive) dependencies, and the organization's agent and workflow ids.
 */
export async function validateDefinition(
  raw: unknown,
  resolvers: TDefinitionResolvers,
): Promise<TDefinitionValidation> {
  const shapes = checkShapes(raw);
  if (!shapes.shell) return { ok: false, errors: shapes.errors };
  const errors = [...shapes.errors, ...checkReferences(shapes.steps, shapes.ids, shapes.shell)];
  if (errors.length > 0) return { ok: false, errors };
  const definition: TWorkflowDefinition = { ...shapes.shell, steps: shapes.steps };
  const external = await checkExternalIds(definition, resolvers);
  return external.length > 0 ? { ok: false, errors: external } : { ok: true, definition };
}
