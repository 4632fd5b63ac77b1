import type { EventBus } from '../../../platform/events/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import type { TActorContext } from '../../identity/index.ts';
import { findTemplate } from '../templates/index.ts';
import { createWorkflow } from './create-workflow.ts';
import type { TWorkflowWithDefinition } from './workflow-schemas.ts';

/** A new workflow whose version 1 is a copy of a shipped template (`workflow:create`). */
export async function createFromTemplate({
  events,
  actor,
  input,
}: {
  events: EventBus;
  actor: TActorContext;
  input: { templateId: string; name: string; description?: string; projectId?: string };
}): Promise<TWorkflowWithDefinition> {
  const template = findTemplate(input.templateId);
  if (!template) throw notFound('Workflow template');
  return createWorkflow({
    events,
    actor,
    input: {
      name: input.name,
      description: input.description ?? template.description,
      projectId: input.projectId,
      // A deep copy: the stored definition must never share objects with the shipped constant.
      definition: structuredClone(template.definition) as unknown as Record<string, unknown>,
    },
  });
}
