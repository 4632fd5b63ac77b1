import { sql } from 'drizzle-orm';
import type { TTx } from '../../../platform/db/index.ts';
import type { EventBus, TEmit } from '../../../platform/events/index.ts';
import { dollarsText } from '../budgets/month.ts';
import { aiGenerations } from '../schema.ts';
import type { TAttempt, TProviderKind } from '../types.ts';
import { AiGenerationCompleted } from './events.ts';

/** One finished call, successful, cached or failed, as the gateway reports it. */
export interface TGenerationRecord {
  organizationId: string;
  userId?: string | null;
  projectId?: string | null;
  /** 'generate', 'stream', 'chat.completions'… */
  type: string;
  prompt: string;
  result?: unknown;
  model: string;
  provider: string | null;
  providerKind: TProviderKind | null;
  route: string | null;
  attempts?: TAttempt[];
  tokensIn: number;
  tokensOut: number;
  cost: number;
  latencyMs: number | null;
  cached: boolean;
  status: 'succeeded' | 'failed';
  error?: string | null;
}

/**
 * Records a call: the ai_generations row, its roll-up into this hour's usage_metrics buckets for the
 * organization and model (upserted, so concurrent calls add up), and `ai.generation.completed`, all in one
 * tenant transaction of the event bus, so the event is delivered only once the row is there.
 */
export function recordGeneration({
  events,
  record,
}: {
  events: EventBus;
  record: TGenerationRecord;
}): Promise<{ id: string }> {
  // A tenant transaction: the rows and the event pass the organization's row-level security policies.
  return events.transaction((tx, emit) => writeGeneration(tx, emit, record), {
    organizationId: record.organizationId,
  });
}

/** recordGeneration's work inside a caller's own transaction. */
export async function writeGeneration(tx: TTx, emit: TEmit, r: TGenerationRecord): Promise<{ id: string }> {
  const tokensIn = Math.max(0, Math.round(r.tokensIn));
  const tokensOut = Math.max(0, Math.round(r.tokensOut));
  const cost = dollarsText(Math.max(0, r.cost));
  const [row] = await tx
    .insert(aiGenerations)
    .values({
      organizationId: r.organizationId,
      userId: r.userId ?? null,
      projectId: r.projectId ?? null,
      type: r.type,
      prompt: r.prompt,
      result: r.result ?? null,
      model: r.model,
      provider: r.provider,
      providerKind: r.providerKind,
      route: r.route,
      target: r.provider ? `${r.provider}:${r.model}` : null,
      attempts: r.attempts ?? [],
      tokensIn,
      tokensOut,
      tokensUsed: tokensIn + tokensOut,
      cost,
      latencyMs: r.latencyMs === null ? null : Math.max(0, Math.round(r.latencyMs)),
      cached: r.cached,
      status: r.status,
      error: r.error ?? null,
    })
    .returning({ id: aiGenerations.id, createdAt: aiGenerations.createdAt });
  if (!row) throw new Error('insert into ai_generations returned no row');
  const metadata = JSON.stringify({ model: r.model, provider: r.provider, providerKind: r.providerKind });
  const metrics: [string, string | number][] = [
    ['ai.calls', 1],
    ['ai.tokens_in', tokensIn],
    ['ai.tokens_out', tokensOut],
    ['ai.cost', cost],
    ['ai.cached', r.cached ? 1 : 0],
    ['ai.failed', r.status === 'failed' ? 1 : 0],
  ];
  // The index usage_metrics_ai_bucket_key (migration 0005) is the conflict target: org, metric, hour, model.
  await tx.execute(sql`
    insert into usage_metrics (organization_id, user_id, metric_type, metric_value, metadata, recorded_at)
    select ${r.organizationId}::uuid, null, m.metric_type, m.metric_value::numeric, ${metadata}::jsonb,
           date_trunc('hour', ${row.createdAt.toISOString()}::timestamptz)
    from (values ${sql.join(
      metrics.map(([type, value]) => sql`(${type}, ${String(value)})`),
      sql`, `,
    )}) as m(metric_type, metric_value)
    on conflict (organization_id, metric_type, recorded_at, ((metadata ->> 'model')))
      where metric_type like 'ai.%'
    do update set metric_value = usage_metrics.metric_value + excluded.metric_value`);
  await emit(AiGenerationCompleted, {
    aggregateId: row.id,
    organizationId: r.organizationId,
    userId: r.userId ?? null,
    payload: {
      generationId: row.id,
      model: r.model,
      provider: r.provider,
      providerKind: r.providerKind,
      route: r.route,
      tokensIn,
      tokensOut,
      cost: Number(cost),
      cached: r.cached,
      status: r.status,
    },
  });
  return { id: row.id };
}
