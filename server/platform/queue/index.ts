export { type CreateQueueOptions, createQueue, DEFAULT_JOB_RETRY, type PgBossQueue } from './create-queue.ts';
export type { JobContext, JobDefinition, JobRetryPolicy, TJobPolicy } from './define-job.ts';
export { defineJob } from './define-job.ts';
export { InvalidJobPayloadError } from './parse-payload.ts';
export type { EnqueueOptions, Queue, QueueStatus, ScheduleOptions } from './queue.ts';
