// The orchestration module's public face (SPEC §5): agents, workflows, the durable engine, triggers and runs.

export { createOrchestration, type Orchestration } from './create-orchestration.ts';
export { renderTemplate, validateDefinition } from './definition/index.ts';
export { createEngine, type TEngine } from './engine/create-engine.ts';
export { workflowRunCompleted, workflowRunFailed, workflowRunStarted } from './engine/run-domain-events.ts';
export {
  AGENT_TYPES,
  agents,
  approvals,
  RUN_STATUSES,
  runEvents,
  runSteps,
  STEP_STATUSES,
  TRIGGER_KINDS,
  workflowRuns,
  workflows,
  workflowTriggers,
  workflowVersions,
} from './schema.ts';
export { WORKFLOW_TEMPLATES } from './templates/index.ts';
export { workflowResourceOf } from './workflows/workflow-resource-of.ts';
