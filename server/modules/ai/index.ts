// The AI module's public face (SPEC §4): the gateway pipeline, its routes, the built-in local model.
export { type AiModule, createAi } from './create-ai.ts';
export { countTokens, createLocalModel, LOCAL_MODEL_ID } from './local/index.ts';
export {
  aiBudgetReservations,
  aiBudgets,
  aiBudgetUsage,
  aiGenerations,
  aiModels,
  aiProviders,
  aiRoutes,
} from './schema.ts';
export type {
  TAiGateway,
  TCallContext,
  TGenerateRequest,
  TGenerateResult,
  TStreamEvent,
} from './types.ts';
export { AiGenerationCompleted } from './usage/events.ts';
