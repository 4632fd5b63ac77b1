// A workflow definition (SPEC §5) as both sides see it: the server validates one against the zod schemas of
// server/modules/orchestration/definition (which must produce these types) and runs it; the web's editor builds
// one. One set of types, so the editor and the validator cannot disagree on a field name.

/** A string that may contain templates: `{{ input.topic }}`, `{{ steps.research.output.summary }}`. */
export type TTemplate = string;

export interface TRetryPolicy {
  /** Total attempts including the first (1 = no retry). */
  attempts: number;
  /** Backoff before the 2nd attempt; doubled after each failure. */
  backoffMs: number;
  maxBackoffMs?: number;
}

/** What happens when a step fails after its retries: fail the run, go on without it, or run a named step. */
export type TOnError = 'fail' | 'continue' | { fallback: string };

interface TStepBase {
  /** Unique in the definition: letters, digits, `_` and `-`. */
  id: string;
  name?: string;
  /** Steps that must finish (succeeded, or failed with onError continue) before this one starts. */
  dependsOn?: string[];
  retry?: TRetryPolicy;
  /** Per attempt. */
  timeoutMs?: number;
  onError?: TOnError;
}

export type TAgentStep = TStepBase & {
  type: 'agent';
  /** A pinned agent; otherwise the best agent meeting `requirements` is chosen at run time. */
  agentId?: string;
  requirements?: { capabilities?: string[]; type?: string; maxCostPer1k?: number };
  prompt: TTemplate;
  responseSchema?: Record<string, unknown>;
};
export type TLlmStep = TStepBase & {
  type: 'llm';
  model?: string;
  route?: string;
  system?: TTemplate;
  prompt: TTemplate;
  responseSchema?: Record<string, unknown>;
  maxOutputTokens?: number;
};
export type THttpStep = TStepBase & {
  type: 'http';
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: TTemplate;
  headers?: Record<string, TTemplate>;
  /** JSON body; strings inside are rendered as templates. */
  body?: unknown;
};
export type TTransformStep = TStepBase & {
  type: 'transform';
  /** JavaScript function body; `input` and `steps` are globals; its `return` value is the output. */
  code: string;
  memoryLimitMb?: number;
};
export type TConditionStep = TStepBase & {
  type: 'condition';
  /** A JavaScript expression over `input` and `steps`, evaluated in the sandbox. */
  if: string;
  /** Steps that run only when true / only when false (the others are skipped). */
  then?: string[];
  else?: string[];
};
export type TMapStep = TStepBase & {
  type: 'map';
  /** A template yielding an array. */
  items: TTemplate;
  /** Run for each item with `item` and `index` in scope; its id is derived (`<map id>[i]`). */
  step: TMapInnerStep;
  concurrency?: number;
};
export type TDelayStep = TStepBase & { type: 'delay'; ms: number };
export type TApprovalStep = TStepBase & { type: 'approval'; message: TTemplate };
export type TWorkflowStep = TStepBase & {
  type: 'workflow';
  workflowId: string;
  input?: Record<string, unknown>;
};
export type TEnsembleStep = TStepBase & {
  type: 'ensemble';
  /** Model ids or `route:<name>` of the AI gateway; at least two. */
  models: string[];
  prompt: TTemplate;
  /** How answers are combined: majority vote on normalised text, or the answer most others agree with. */
  combine?: 'vote' | 'consensus';
  responseSchema?: Record<string, unknown>;
};

export type TStep =
  | TAgentStep
  | TLlmStep
  | THttpStep
  | TTransformStep
  | TConditionStep
  | TMapStep
  | TDelayStep
  | TApprovalStep
  | TWorkflowStep
  | TEnsembleStep;
export type TStepType = TStep['type'];
/** A map's inner step: any step without id and dependsOn (distributed over the union, so fields survive). */
export type TMapInnerStep = TStep extends infer S
  ? S extends TStep
    ? Omit<S, 'id' | 'dependsOn'>
    : never
  : never;

export interface TWorkflowDefinition {
  /** JSON Schema the run input must satisfy. */
  input?: Record<string, unknown>;
  steps: TStep[];
  /** The run's output: a template over `steps` (default: every leaf step's output by id). */
  output?: unknown;
}
