import type { agents } from '../schema.ts';
import type { TAgentView } from './agent-schemas.ts';
import type { TAgentLive } from './agent-status.ts';

export type TAgentRow = typeof agents.$inferSelect;

export const toAgentView = (row: TAgentRow, live: TAgentLive): TAgentView => ({
  id: row.id,
  organizationId: row.organizationId,
  name: row.name,
  type: row.type,
  description: row.description,
  capabilities: row.capabilities,
  model: row.model,
  route: row.route,
  systemPrompt: row.systemPrompt,
  tools: row.tools,
  maxConcurrency: row.maxConcurrency,
  isDefault: row.isDefault,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  status: live.status,
  metrics: live.metrics,
});

/** What permission checks need to know of an agent: its tenant and creator (defaults have none). */
export const agentResource = (row: TAgentRow) => ({
  organizationId: row.organizationId,
  ...(row.createdBy ? { ownerId: row.createdBy } : {}),
});
