// Workflows with immutable versions (SPEC §5).
export { tenantResolvers } from './check-definition.ts';
export { WorkflowCreated, WorkflowUpdated } from './workflow-events.ts';
export { type TWorkflowRouteDeps, workflowRoutes } from './workflow-routes.ts';
