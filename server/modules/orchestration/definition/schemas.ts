// The zod schemas of a workflow definition (SPEC §5). One schema per step type, so a bad step is reported
// against its own type's fields ("fetch.url: Required") instead of a union's "no variant matched".
import { z } from 'zod';
import type { TStep, TStepType, TWorkflowDefinition } from '../types.ts';

export const STEP_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const ZStepIdSchema = z.string().regex(STEP_ID_PATTERN, 'Letters, digits, `_` and `-`; 1 to 64 characters');
const ZTemplateSchema = z.string().max(100_000);
const ZJsonSchemaSchema = z.record(z.string(), z.unknown());

const ZRetrySchema = z.strictObject({
  attempts: z.number().int().min(1).max(10),
  backoffMs: z.number().int().min(0).max(3_600_000),
  maxBackoffMs: z.number().int().min(0).max(86_400_000).optional(),
});
const ZOnErrorSchema = z.union([
  z.literal('fail'),
  z.literal('continue'),
  z.strictObject({ fallback: ZStepIdSchema }),
]);

// What every step has besides its id and dependencies (a map's inner step has only these).
const common = {
  name: z.string().max(200).optional(),
  retry: ZRetrySchema.optional(),
  timeoutMs: z.number().int().min(1).max(86_400_000).optional(),
  onError: ZOnErrorSchema.optional(),
};
const placement = {
  id: ZStepIdSchema,
  dependsOn: z.array(ZStepIdSchema).max(100).optional(),
};

const BODIES = {
  agent: {
    agentId: z.string().min(1).optional(),
    requirements: z
      .strictObject({
        capabilities: z.array(z.string().min(1).max(64)).max(20).optional(),
        type: z.string().min(1).max(64).optional(),
        maxCostPer1k: z.number().nonnegative().optional(),
      })
      .optional(),
    prompt: ZTemplateSchema.min(1),
    responseSchema: ZJsonSchemaSchema.optional(),
  },
  llm: {
    model: z.string().min(1).max(200).optional(),
    route: z.string().min(1).max(200).optional(),
    system: ZTemplateSchema.optional(),
    prompt: ZTemplateSchema.min(1),
    responseSchema: ZJsonSchemaSchema.optional(),
    maxOutputTokens: z.number().int().min(1).max(200_000).optional(),
  },
  http: {
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    url: ZTemplateSchema.min(1),
    headers: z.record(z.string(), ZTemplateSchema).optional(),
    body: z.unknown().optional(),
  },
  transform: {
    code: z.string().min(1).max(100_000),
    memoryLimitMb: z.number().int().min(1).max(512).optional(),
  },
  condition: {
    if: z.string().min(1).max(10_000),
    // biome-ignore lint/suspicious/noThenProperty: a condition step's branch list (SPEC §5); an array, never a thenable.
    then: z.array(ZStepIdSchema).max(100).optional(),
    else: z.array(ZStepIdSchema).max(100).optional(),
  },
  delay: {
    ms: z
      .number()
      .int()
      .min(0)
      .max(30 * 86_400_000),
  },
  approval: { message: ZTemplateSchema.min(1) },
  workflow: {
    workflowId: z.string().min(1),
    input: z.record(z.string(), z.unknown()).optional(),
  },
  ensemble: {
    models: z.array(z.string().min(1).max(200)).min(2, 'At least two models').max(10),
    prompt: ZTemplateSchema.min(1),
    combine: z.enum(['vote', 'consensus']).optional(),
    responseSchema: ZJsonSchemaSchema.optional(),
  },
} as const;

const stepSchema = <T extends keyof typeof BODIES>(type: T) =>
  z.strictObject({ ...placement, ...common, type: z.literal(type), ...BODIES[type] });

// A map's inner step: no id or dependencies (the map's own), no nested map (a list of lists is a map over a
// transform's flattened output), and onError only fail/continue — a fallback names a top-level step, which
// would then run once per failed item.
const innerSchema = <T extends keyof typeof BODIES>(type: T) =>
  z.strictObject({
    ...common,
    onError: z.enum(['fail', 'continue']).optional(),
    type: z.literal(type),
    ...BODIES[type],
  });

export const ZMapInnerStepSchema = z.discriminatedUnion('type', [
  innerSchema('agent'),
  innerSchema('llm'),
  innerSchema('http'),
  innerSchema('transform'),
  innerSchema('condition'),
  innerSchema('delay'),
  innerSchema('approval'),
  innerSchema('workflow'),
  innerSchema('ensemble'),
]);

const ZMapStepSchema = z.strictObject({
  ...placement,
  ...common,
  type: z.literal('map'),
  items: ZTemplateSchema.min(1),
  step: ZMapInnerStepSchema,
  concurrency: z.number().int().min(1).max(50).optional(),
});

/** The schema of each step type, looked up by the step's `type`. */
export const STEP_SCHEMAS = {
  agent: stepSchema('agent'),
  llm: stepSchema('llm'),
  http: stepSchema('http'),
  transform: stepSchema('transform'),
  condition: stepSchema('condition'),
  map: ZMapStepSchema,
  delay: stepSchema('delay'),
  approval: stepSchema('approval'),
  workflow: stepSchema('workflow'),
  ensemble: stepSchema('ensemble'),
} as const satisfies Record<TStepType, z.ZodType>;
export const STEP_TYPES = Object.keys(STEP_SCHEMAS) as TStepType[];

export const ZStepSchema = z.discriminatedUnion('type', [
  STEP_SCHEMAS.agent,
  STEP_SCHEMAS.llm,
  STEP_SCHEMAS.http,
  STEP_SCHEMAS.transform,
  STEP_SCHEMAS.condition,
  STEP_SCHEMAS.map,
  STEP_SCHEMAS.delay,
  STEP_SCHEMAS.approval,
  STEP_SCHEMAS.workflow,
  STEP_SCHEMAS.ensemble,
]);

export const MAX_STEPS = 200;

/** The outer shape; steps are checked one by one against STEP_SCHEMAS by validateDefinition. */
export const ZDefinitionShellSchema = z.strictObject({
  input: ZJsonSchemaSchema.optional(),
  steps: z.array(z.unknown()).min(1, 'At least one step').max(MAX_STEPS),
  output: z.unknown().optional(),
});

export const ZWorkflowDefinitionSchema = ZDefinitionShellSchema.extend({
  steps: z.array(ZStepSchema).min(1).max(MAX_STEPS),
});

// Compile-time check: whatever the schemas accept is a valid TStep / TWorkflowDefinition, so the engine can
// trust a parsed definition without casts.
type TAssignable<A extends B, B> = A;
export type TParsedStep = TAssignable<z.infer<typeof ZStepSchema>, TStep>;
export type TParsedDefinition = TAssignable<z.infer<typeof ZWorkflowDefinitionSchema>, TWorkflowDefinition>;
