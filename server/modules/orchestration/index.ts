// The orchestration module's public face (SPEC §5): agents, workflows, the durable engine, triggers and runs.
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
