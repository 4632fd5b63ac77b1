import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { defineJob, type JobDefinition } from '../../../platform/queue/index.ts';
import type { TEngine } from '../engine/create-engine.ts';
import { workflowTriggers } from '../schema.ts';

export const ZTriggerJobSchema = z.strictObject({
  organizationId: z.uuid(),
  triggerId: z.uuid(),
  /** Event triggers: the event's payload becomes the run input. Schedules carry none (config.input). */
  input: z.unknown().optional(),
});
export type TTriggerJob = z.infer<typeof ZTriggerJobSchema>;

/**
 * `orchestration.trigger`: starts a run for a schedule tick or a matched domain event. A trigger deleted or
 * disabled since the job was queued starts nothing; a workflow that refuses the input is logged, not retried.
 */
export function triggerJob(engine: TEngine): JobDefinition<TTriggerJob> {
  return defineJob({
    name: 'orchestration.trigger',
    schema: ZTriggerJobSchema,
    retry: { limit: 3, delaySeconds: 2, backoff: true },
    handler: async (p, ctx) => {
      const [trigger] = await withTenant(engine.ctx.db, p.organizationId, (tx) =>
        tx.select().from(workflowTriggers).where(eq(workflowTriggers.id, p.triggerId)),
      );
      if (!trigger?.enabled) return;
      const input = trigger.kind === 'schedule' ? (trigger.config.input ?? {}) : (p.input ?? {});
      try {
        const { runId } = await engine.startRun({
          organizationId: p.organizationId,
          workflowId: trigger.workflowId,
          input,
          trigger: trigger.kind,
          createdBy: trigger.createdBy,
        });
        ctx.log.info({ runId, triggerId: trigger.id }, 'trigger started a run');
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'VALIDATION_ERROR' || code === 'RESOURCE_NOT_FOUND' || code === 'CONFLICT') {
          ctx.log.warn({ err, triggerId: trigger.id }, 'trigger could not start its workflow');
          return;
        }
        throw err;
      }
    },
  });
}
