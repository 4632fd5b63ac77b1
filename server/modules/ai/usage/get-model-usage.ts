import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { assertCan, type TActor } from '../../identity/index.ts';
import { loadVisibleModel } from '../catalogue/load-model.ts';

export const ZModelUsageSchema = z
  .object({
    model: z.string(),
    from: z.string(),
    to: z.string(),
    calls: z.number().int(),
    tokensIn: z.number().int(),
    tokensOut: z.number().int(),
    cost: z.number(),
    cached: z.number().int(),
    failures: z.number().int(),
    latencyMs: z.object({ p50: z.number().nullable(), p95: z.number().nullable() }),
  })
  .openapi('AiModelUsage');
export type TModelUsage = z.infer<typeof ZModelUsageSchema>;

type TRow = {
  calls: number;
  tokens_in: string | null;
  tokens_out: string | null;
  cost: string | null;
  cached: number;
  failures: number;
  p50: number | null;
  p95: number | null;
};

/**
 * One model's calls in [from, to) for the organization (`ai:generate`): counts, tokens, cost, cached and
 * failed calls, and latency percentiles over the calls that reported one. The model is a catalogue row id or
 * a model id; an organization's own model counts only calls through its provider.
 */
export async function getModelUsage({
  db,
  actor,
  modelId,
  from,
  to,
}: {
  db: Database;
  actor: TActor;
  modelId: string;
  from: Date;
  to: Date;
}): Promise<TModelUsage> {
  // An organization-wide view: a project role does not grant it.
  assertCan(actor, 'ai:generate', { organizationId: actor.organizationId });
  const organizationId = actor.organizationId;
  return withTenant(db, organizationId, async (tx) => {
    const model = await loadVisibleModel(tx, organizationId, modelId);
    const byProvider = model.providerId ? sql`and provider = ${model.providerId}` : sql``;
    const [row] = await queryRows<TRow>(
      tx,
      sql`
      select count(*)::int as calls, sum(tokens_in) as tokens_in, sum(tokens_out) as tokens_out,
             sum(cost) as cost, (count(*) filter (where cached))::int as cached,
             (count(*) filter (where status = 'failed'))::int as failures,
             percentile_cont(0.5) within group (order by latency_ms) as p50,
             percentile_cont(0.95) within group (order by latency_ms) as p95
      from ai_generations
      where organization_id = ${organizationId} and model = ${model.model} ${byProvider}
        and created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz`,
    );
    const round = (v: number | null | undefined) =>
      v === null || v === undefined ? null : Math.round(Number(v));
    return {
      model: model.model,
      from: from.toISOString(),
      to: to.toISOString(),
      calls: row?.calls ?? 0,
      tokensIn: Number(row?.tokens_in ?? 0),
      tokensOut: Number(row?.tokens_out ?? 0),
      cost: Number(row?.cost ?? 0),
      cached: row?.cached ?? 0,
      failures: row?.failures ?? 0,
      latencyMs: { p50: round(row?.p50), p95: round(row?.p95) },
    };
  });
}
