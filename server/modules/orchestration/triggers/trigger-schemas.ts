import { Cron } from 'croner';
import { z } from 'zod';

const ZInput = z.record(z.string(), z.unknown()).optional();

/** A cron expression croner accepts (5 or 6 fields) in an IANA time zone. */
export const ZScheduleConfigSchema = z
  .strictObject({
    cron: z.string().min(9).max(120),
    timezone: z.string().min(1).max(64).default('UTC'),
    input: ZInput,
  })
  .superRefine((v, ctx) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: v.timezone });
    } catch {
      ctx.addIssue({ code: 'custom', path: ['timezone'], message: `Unknown IANA time zone ${v.timezone}` });
      return;
    }
    try {
      new Cron(v.cron, { timezone: v.timezone, paused: true }).stop();
    } catch (err) {
      const bad = /time ?zone/i.test((err as Error).message) ? 'timezone' : 'cron';
      ctx.addIssue({ code: 'custom', path: [bad], message: (err as Error).message });
      return;
    }
    // pg-boss reads five-field (minute) cron; seconds would silently be misread.
    if (v.cron.trim().split(/\s+/).length !== 5)
      ctx.addIssue({ code: 'custom', path: ['cron'], message: 'Use a five-field cron (minute precision)' });
  });

export const ZCreateTriggerBodySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('schedule'),
    config: ZScheduleConfigSchema,
    enabled: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal('webhook'),
    config: z.strictObject({}).optional(),
    enabled: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal('event'),
    config: z.strictObject({
      eventType: z.string().regex(/^[a-z0-9_.*-]{1,100}$/i, 'An event type like content.published'),
    }),
    enabled: z.boolean().optional(),
  }),
]);
export type TCreateTriggerBody = z.infer<typeof ZCreateTriggerBodySchema>;

export const ZTriggerSchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  kind: z.enum(['schedule', 'webhook', 'event']),
  config: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  createdAt: z.string(),
  /** Webhook triggers: the URL to call. */
  url: z.string().optional(),
  /** Webhook triggers, on creation only: the secret (stored as a hash, never shown again). */
  secret: z.string().optional(),
});
export type TTrigger = z.infer<typeof ZTriggerSchema>;
