import { z } from 'zod';
import { defineEvent } from '../../../platform/events/index.ts';

// aggregateId = agentId (organizationId for the seeding marker); the audit trail says who did it.

export const AgentCreated = defineEvent(
  'agent.created',
  z.object({ agentId: z.uuid(), name: z.string(), type: z.string() }),
);
export const AgentUpdated = defineEvent(
  'agent.updated',
  z.object({ agentId: z.uuid(), changed: z.array(z.string()) }),
);
export const AgentDeleted = defineEvent('agent.deleted', z.object({ agentId: z.uuid(), name: z.string() }));

/**
 * The organization's six default agents were created. Also the marker that seeding happened: an organization
 * that deleted or renamed a default agent does not get it back.
 */
export const AgentDefaultsSeeded = defineEvent(
  'agent.defaults_seeded',
  z.object({ agentIds: z.array(z.uuid()) }),
);
