// Agents (SPEC §5): CRUD routes, the six seeded defaults, live status and metrics, selection for agent steps.
export { agentRoutes, type TAgentRouteDeps } from './agent-routes.ts';
export { getAgentLive, type TAgentLive } from './agent-status.ts';
export { DEFAULT_AGENTS } from './default-agents.ts';
export { ensureDefaultAgents } from './ensure-default-agents.ts';
