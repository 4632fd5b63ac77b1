import { z } from '@hono/zod-openapi';

export const ZBudgetSchema = z
  .object({
    month: z.string(),
    limits: z.object({ tokens: z.number().int().nullable(), cost: z.number().nullable() }),
    used: z.object({ tokens: z.number().int(), cost: z.number() }),
    reserved: z.object({ tokens: z.number().int(), cost: z.number() }),
  })
  .openapi('AiBudget');
export type TBudget = z.infer<typeof ZBudgetSchema>;

/** Body of PUT /ai/budget: both limits, null meaning unlimited. */
export const ZPutBudgetBodySchema = z
  .strictObject({
    monthlyTokenLimit: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
    monthlyCostLimit: z.number().min(0).max(1e9).nullable(),
  })
  .openapi('PutAiBudgetBody');
export type TPutBudgetInput = z.infer<typeof ZPutBudgetBodySchema>;
