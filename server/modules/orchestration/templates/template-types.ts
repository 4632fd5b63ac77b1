import type { TWorkflowDefinition } from '../types.ts';

/** A workflow template: a definition to copy into a new workflow (POST /workflows/from-template). */
export type TWorkflowTemplate = {
  id: string;
  name: string;
  description: string;
  definition: TWorkflowDefinition;
};
