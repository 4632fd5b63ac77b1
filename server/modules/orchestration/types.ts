// The shared vocabulary of the orchestration module (SPEC §5): what a workflow definition says, what a step
// executor is given and what it answers. Definitions are validated against zod schemas that produce these types
// (definition/), the engine runs them (engine/), executors do the work of one step (steps/). The definition
// types live in contracts/ because the web's editor builds definitions too.

export type {
  TAgentStep,
  TApprovalStep,
  TConditionStep,
  TDelayStep,
  TEnsembleStep,
  THttpStep,
  TLlmStep,
  TMapInnerStep,
  TMapStep,
  TOnError,
  TRetryPolicy,
  TStep,
  TStepType,
  TTemplate,
  TTransformStep,
  TWorkflowDefinition,
  TWorkflowStep,
} from '../../../contracts/orchestration/workflow-definition.ts';

/** What templates and sandboxed code see. */
export interface TScope {
  input: unknown;
  steps: Record<string, { output: unknown; status: string }>;
  item?: unknown;
  index?: number;
}

/** What one attempt of one step is given by the engine. */
export interface TStepContext {
  organizationId: string;
  runId: string;
  /** The step's checkpoint id (`<id>` or `<map id>[i]`). */
  stepId: string;
  attempt: number;
  /** The user the run acts for (its creator). */
  userId: string | null;
  scope: TScope;
  /** Aborted on the step's timeout or the run's cancellation. */
  signal: AbortSignal;
  /** Adds a line to the step's logs. */
  log(level: 'info' | 'warn' | 'error', message: string): void;
  /** Live progress for the run's event stream (e.g. streamed tokens). */
  progress(event: { type: 'tokens'; delta: string }): void;
}

/** An executor's answer for one attempt. Failures are values; exceptions are bugs. */
export type TStepOutcome =
  | { status: 'succeeded'; output: unknown; tokens?: number; cost?: number; agentId?: string }
  | { status: 'failed'; error: string; retryable: boolean };
