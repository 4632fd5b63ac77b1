import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { assertCan, type TActor } from '../../identity/index.ts';

const ZTotalsShape = {
  calls: z.number().int(),
  tokensIn: z.number().int(),
  tokensOut: z.number().int(),
  cost: z.number(),
  cached: z.number().int(),
  failures: z.number().int(),
};

export const ZUsageSummarySchema = z
  .object({
    from: z.string(),
    to: z.string(),
    ...ZTotalsShape,
    /** The same figures per model (and provider kind), most calls first. */
    byModel: z.array(
      z.object({
        model: z.string(),
        providerKind: z.enum(['local', 'openai', 'anthropic', 'openai-compatible']).nullable(),
        ...ZTotalsShape,
      }),
    ),
  })
  .openapi('AiUsageSummary');
export type TUsageSummary = z.infer<typeof ZUsageSummarySchema>;

type TRow = {
  model: string;
  provider_kind: TUsageSummary['byModel'][number]['providerKind'];
  calls: number;
  tokens_in: string | null;
  tokens_out: string | null;
  cost: string | null;
  cached: number;
  failures: number;
};

/**
 * Every AI call of the organization in [from, to) (`ai:generate`): totals and a per-model breakdown, read from
 * ai_generations (the record of every call, cached and failed ones included) so the dashboard shows what was
 * really spent, not an estimate.
 */
export async function getUsageSummary({
  db,
  actor,
  from,
  to,
}: {
  db: Database;
  actor: TActor;
  from: Date;
  to: Date;
}): Promise<TUsageSummary> {
  // An organization-wide view: a project role does not grant it.
  assertCan(actor, 'ai:generate', { organizationId: actor.organizationId });
  const organizationId = actor.organizationId;
  const rows = await withTenant(db, organizationId, (tx) =>
    queryRows<TRow>(
      tx,
      sql`
      select model, provider_kind, count(*)::int as calls, sum(tokens_in) as tokens_in,
             sum(tokens_out) as tokens_out, sum(cost) as cost,
             (count(*) filter (where cached))::int as cached,
             (count(*) filter (where status = 'failed'))::int as failures
      from ai_generations
      where organization_id = ${organizationId}
        and created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz
      group by model, provider_kind
      order by calls desc, model`,
    ),
  );
  const byModel = rows.map((row) => ({
    model: row.model,
    providerKind: row.provider_kind,
    calls: row.calls,
    tokensIn: Number(row.tokens_in ?? 0),
    tokensOut: Number(row.tokens_out ?? 0),
    cost: Number(row.cost ?? 0),
    cached: row.cached,
    failures: row.failures,
  }));
  const sum = (pick: (m: (typeof byModel)[number]) => number) => byModel.reduce((n, m) => n + pick(m), 0);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    calls: sum((m) => m.calls),
    tokensIn: sum((m) => m.tokensIn),
    tokensOut: sum((m) => m.tokensOut),
    // Summed per model in dollars with 8 decimals; rounding keeps float noise out of the total.
    cost: Math.round(sum((m) => m.cost) * 1e8) / 1e8,
    cached: sum((m) => m.cached),
    failures: sum((m) => m.failures),
    byModel,
  };
}
