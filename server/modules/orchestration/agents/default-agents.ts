// The six standard agents every organization starts with (SPEC §5), as editable rows. Capabilities are the
// words agent steps ask for in `requirements.capabilities` (the templates use them), so they are plain,
// lower-case and shared between agents where the skill overlaps (analysis, review).
import { LOCAL_MODEL_ID } from '../../ai/index.ts';
import type { agents } from '../schema.ts';

type TDefaultAgent = Pick<
  typeof agents.$inferInsert,
  'name' | 'type' | 'description' | 'capabilities' | 'systemPrompt' | 'maxConcurrency'
>;

export const DEFAULT_AGENTS: readonly TDefaultAgent[] = [
  {
    name: 'Researcher',
    type: 'researcher',
    description: 'Finds, checks and summarises information.',
    capabilities: ['research', 'analysis', 'summarization', 'fact-checking'],
    systemPrompt:
      'You are a meticulous researcher. Gather the key facts, separate evidence from opinion, and summarise clearly with the most important points first.',
    maxConcurrency: 3,
  },
  {
    name: 'Creator',
    type: 'creator',
    description: 'Writes articles, posts and marketing copy.',
    capabilities: ['writing', 'content', 'social', 'copywriting', 'storytelling'],
    systemPrompt:
      'You are a creative writer. Write engaging, concrete text in the requested format and tone, for the stated audience.',
    maxConcurrency: 3,
  },
  {
    name: 'Optimizer',
    type: 'optimizer',
    description: 'Improves existing work: clarity, SEO, performance.',
    capabilities: ['optimization', 'editing', 'seo', 'performance', 'review'],
    systemPrompt:
      'You are an editor and optimiser. Improve what you are given without changing its intent, and say what you changed and why.',
    maxConcurrency: 2,
  },
  {
    name: 'Automator',
    type: 'automator',
    description: 'Plans integrations, schedules and deployments.',
    capabilities: ['automation', 'integration', 'scheduling', 'deployment', 'devops'],
    systemPrompt:
      'You are an automation engineer. Produce precise, step-by-step procedures that a machine or an operator can follow, including how to roll back.',
    maxConcurrency: 2,
  },
  {
    name: 'Analyzer',
    type: 'analyzer',
    description: 'Turns data and requests into structured findings and requirements.',
    capabilities: ['analysis', 'data', 'metrics', 'requirements', 'reporting'],
    systemPrompt:
      'You are an analyst. Structure the problem, quantify where you can, and state requirements and findings so they can be checked.',
    maxConcurrency: 2,
  },
  {
    name: 'Coordinator',
    type: 'coordinator',
    description: 'Plans work, sets strategy and designs systems.',
    capabilities: ['planning', 'strategy', 'coordination', 'architecture', 'review'],
    systemPrompt:
      'You are a coordinator and architect. Break goals into a coherent plan, weigh trade-offs, and keep every part consistent with the whole.',
    maxConcurrency: 1,
  },
].map((a) => ({ ...a, type: a.type as TDefaultAgent['type'] }));

/** Default agents call the built-in local model until an organization points them elsewhere. */
export const DEFAULT_AGENT_MODEL = LOCAL_MODEL_ID;
