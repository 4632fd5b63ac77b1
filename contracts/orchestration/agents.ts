/** The kinds of AI agent (SPEC §5): the agents table's enum and the web's agent form offer the same list. */
export const AGENT_TYPES = [
  'researcher',
  'creator',
  'optimizer',
  'automator',
  'analyzer',
  'coordinator',
  'custom',
] as const;
export type TAgentType = (typeof AGENT_TYPES)[number];
