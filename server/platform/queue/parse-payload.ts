import type { JobDefinition } from './define-job.ts';

/** A payload that does not match its job's schema, at enqueue or when a worker picks the job up. */
export class InvalidJobPayloadError extends Error {
  readonly jobName: string;
  readonly issues: { path: string; message: string }[];
  constructor(jobName: string, issues: { path: string; message: string }[]) {
    const detail = issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
    super(`Invalid payload for job ${jobName}: ${detail}`);
    this.name = 'InvalidJobPayloadError';
    this.jobName = jobName;
    this.issues = issues;
  }
}

/** The payload as the job's schema reads it, or an InvalidJobPayloadError naming every bad field. */
export function parsePayload<T>(def: JobDefinition<T>, data: unknown): T {
  const parsed = def.schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new InvalidJobPayloadError(
    def.name,
    parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}
