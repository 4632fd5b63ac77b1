import path from 'node:path';
import { z } from 'zod';
import { PLANS, ZPlanLimitsOverrideSchema } from '../contracts/plans.ts';

const ROLES = ['api', 'worker', 'realtime', 'all'] as const;
export type TRole = (typeof ROLES)[number];

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalUrl = (protocols: string[], example: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((v) => URL.canParse(v) && protocols.includes(new URL(v).protocol), {
        message: `must be a URL like ${example}`,
      })
      .optional(),
  );
const masterKey = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, {
      message: 'must be 32 bytes encoded as base64 (generate one with: openssl rand -base64 32)',
    })
    .optional(),
);

/** The one environment schema, parsed once at boot. */
export const ZEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:'], 'postgres://user:pass@127.0.0.1:5432/flashfusion'),
  REDIS_URL: optionalUrl(['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
  MASTER_KEY: masterKey,
  MASTER_KEY_PREVIOUS: masterKey,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ROLE: z.enum(ROLES).default('all'),
  PUBLIC_URL: optionalUrl(['http:', 'https:'], 'https://flashfusion.example.com'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.url({ message: 'must be a comma-separated list of origins like https://app.example.com' })),
    ),
  SMTP_URL: optionalUrl(['smtp:', 'smtps:'], 'smtp://user:pass@mail.example.com:587'),
  MAIL_FROM: z.string().min(3).default('FlashFusion <no-reply@localhost>'),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Workflow http steps may call loopback and private addresses (off: the SSRF guard refuses them). */
  ALLOW_PRIVATE_HTTP_TARGETS: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** AI providers may point at loopback and private addresses (Ollama, vLLM on the same host or network). */
  ALLOW_PRIVATE_AI_PROVIDERS: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Workflow steps of one organization running at once (one tenant's backlog waits in its own line). */
  ORCHESTRATION_ORG_CONCURRENCY: z.coerce.number().int().positive().default(4),
  /** Workflow steps one worker process runs at once. */
  ORCHESTRATION_WORKER_CONCURRENCY: z.coerce.number().int().positive().default(8),
  /** Largest step (and run) output stored, as JSON bytes; a larger one fails its step with a clear error. */
  ORCHESTRATION_MAX_STEP_OUTPUT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** The plan of every new organization; `unlimited` (no caps) suits a self-hosted instance. */
  DEFAULT_PLAN: z.preprocess(
    emptyToUndefined,
    z.enum(PLANS, { message: `must be one of ${PLANS.join(', ')}` }).default('unlimited'),
  ),
  /**
   * The abuse limit: requests per minute per web session, and per API key or access token whose plan has no
   * hourly API limit. Generous for a person clicking around; it stops a runaway script. 0 turns it off.
   */
  ABUSE_REQUESTS_PER_MINUTE: z.coerce.number().int().nonnegative().default(600),
  /** JSON merged over the default plan limits, e.g. {"starter":{"apiRequestsPerHour":500}}; null = unlimited. */
  PLAN_LIMITS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('{}')
      .transform((v, ctx) => {
        try {
          return JSON.parse(v) as unknown;
        } catch {
          ctx.addIssue({
            code: 'custom',
            message: 'must be JSON like {"starter":{"apiRequestsPerHour":500}}',
          });
          return z.NEVER;
        }
      })
      .pipe(ZPlanLimitsOverrideSchema),
  ),
});

export type TEnv = Omit<z.infer<typeof ZEnvSchema>, 'PUBLIC_URL'> & { PUBLIC_URL: string };

export class EnvError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'EnvError';
    this.issues = issues;
  }
}

/** Parses the environment; throws EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): TEnv {
  const result = ZEnvSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        // Inside a JSON variable the rest of the path names the exact bad value: "PLAN_LIMITS: pro.members: …".
        const where =
          name === 'PLAN_LIMITS' && issue.path.length > 1 ? `${issue.path.slice(1).join('.')}: ` : '';
        return `${name}: ${where}${issue.message}`;
      }),
    );
  }
  const env = result.data;
  return {
    ...env,
    DATA_DIR: path.resolve(env.DATA_DIR),
    PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
  };
}

/** True when the process shares state through PostgreSQL and Redis rather than its own memory. */
export const isScaleOut = (env: TEnv) => Boolean(env.DATABASE_URL);
