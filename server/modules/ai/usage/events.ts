import { z } from 'zod';
import { defineEvent } from '../../../platform/events/index.ts';
import { PROVIDER_KINDS } from '../types.ts';

/** Emitted in the same transaction as the ai_generations row (webhooks, analytics, gamification listen). */
export const AiGenerationCompleted = defineEvent(
  'ai.generation.completed',
  z.object({
    generationId: z.uuid(),
    model: z.string(),
    provider: z.string().nullable(),
    providerKind: z.enum(PROVIDER_KINDS).nullable(),
    route: z.string().nullable(),
    tokensIn: z.number().int().min(0),
    tokensOut: z.number().int().min(0),
    cost: z.number().min(0),
    cached: z.boolean(),
    status: z.enum(['succeeded', 'failed']),
  }),
);
