import type { Platform } from '../../platform/platform.ts';
import { BUDGET_SWEEP_CRON, budgetSweepJob } from './budgets/sweep-job.ts';

/** Registers and schedules the AI module's periodic jobs; called where workers run (roles worker and all). */
export async function scheduleAiJobs(platform: Pick<Platform, 'db' | 'queue'>): Promise<void> {
  const sweep = budgetSweepJob(platform.db);
  await platform.queue.register(sweep);
  await platform.queue.schedule(sweep, BUDGET_SWEEP_CRON, {});
}
