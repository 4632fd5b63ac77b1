import { z } from 'zod';
import type { Database } from '../../../platform/db/index.ts';
import { defineJob } from '../../../platform/queue/index.ts';
import { sweepExpiredReservations } from './sweep-reservations.ts';

/** Every minute is plenty: a crashed process's holds then linger at most TTL + 1 minute. */
export const BUDGET_SWEEP_CRON = '* * * * *';

/** The periodic job returning expired reservations to their budgets (register it, then schedule it on cron). */
export function budgetSweepJob(db: Database) {
  return defineJob({
    name: 'ai.budget.sweep',
    schema: z.object({}),
    policy: 'singleton',
    handler: async (_payload, ctx) => {
      const { expired } = await sweepExpiredReservations({ db });
      if (expired > 0) ctx.log.info({ expired }, 'expired AI budget reservations returned');
    },
  });
}
