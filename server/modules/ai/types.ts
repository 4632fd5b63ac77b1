// The shared vocabulary of the AI module (SPEC §4): what a call asks for, which target answers it, and what
// comes back. Every part of the module (local model, providers, routing, gateway, HTTP) speaks these types.
import type { LanguageModelV4 } from '@ai-sdk/provider';

export const PROVIDER_KINDS = ['local', 'openai', 'anthropic', 'openai-compatible'] as const;
export type TProviderKind = (typeof PROVIDER_KINDS)[number];

export const MODEL_CAPABILITIES = ['text', 'code', 'json', 'tools', 'vision', 'embeddings'] as const;
export type TModelCapability = (typeof MODEL_CAPABILITIES)[number];

export const ROUTE_STRATEGIES = ['round-robin', 'least-connections', 'weighted', 'latency'] as const;
export type TRouteStrategy = (typeof ROUTE_STRATEGIES)[number];

/** The built-in offline model's provider id in targets and answers; it needs no credential. */
export const LOCAL_PROVIDER = 'local';

/** One place a call can go: a provider credential (an ai_providers row id, or 'local') and a model id. */
export interface TTarget {
  provider: string;
  model: string;
  /** Relative share for the weighted strategy (default 1). */
  weight?: number;
}

/** A named route as stored (ai_routes): targets balanced by strategy, then the fallback chain in order. */
export interface TModelRoute {
  id: string;
  organizationId: string;
  name: string;
  strategy: TRouteStrategy;
  targets: TTarget[];
  fallback: TTarget[];
  /** Per-attempt timeout. */
  timeoutMs: number;
  /** Retries per target after the first attempt. */
  maxRetries: number;
}

export interface TMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  /** For role 'tool': the call this answers. */
  toolCallId?: string;
  toolName?: string;
}

export interface TToolDefinition {
  name: string;
  description?: string;
  /** JSON Schema of the arguments. */
  parameters: Record<string, unknown>;
}

/** What a caller asks the gateway for, after validation at the edge. Either `route` or `model` picks targets. */
export interface TGenerateRequest {
  /** A route name of the organization. */
  route?: string;
  /** A model id ("local", "gpt-4o-mini", "openai:gpt-4o-mini", "<providerId>:<model>"). */
  model?: string;
  messages: TMessage[];
  /** Ask for JSON satisfying this JSON Schema. */
  responseSchema?: Record<string, unknown>;
  tools?: TToolDefinition[];
  temperature?: number;
  maxOutputTokens?: number;
  /** false skips the response cache for this call. */
  cache?: boolean;
}

export interface TUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface TToolCall {
  id: string;
  name: string;
  /** Arguments as a JSON string, as providers return them. */
  arguments: string;
}

/** A finished answer, as returned by /ai/generate and stored in ai_generations.result. */
export interface TGenerateResult {
  id: string;
  text: string;
  /** Parsed JSON when responseSchema was given. */
  object?: unknown;
  toolCalls: TToolCall[];
  finishReason: 'stop' | 'length' | 'tool-calls' | 'content-filter' | 'error' | 'other';
  usage: TUsage;
  /** Cost in US dollars of this call (0 when cached or local). */
  cost: number;
  latencyMs: number;
  cached: boolean;
  /** Which target answered: provider id ('local' for the built-in model), its kind, the model. */
  provider: string;
  providerKind: TProviderKind;
  model: string;
  route: string | null;
  /** Targets tried before the one that answered, with why each failed. */
  attempts: TAttempt[];
}

export interface TAttempt {
  provider: string;
  model: string;
  outcome: 'ok' | 'error' | 'timeout' | 'circuit-open';
  error?: string;
  status?: number;
  latencyMs: number;
}

/** Streamed answer events, in order: start, text deltas / tool calls, then exactly one of finish or error. */
export type TStreamEvent =
  | {
      type: 'start';
      id: string;
      provider: string;
      providerKind: TProviderKind;
      model: string;
      cached: boolean;
    }
  | { type: 'text-delta'; delta: string }
  | { type: 'tool-call'; toolCall: TToolCall }
  | { type: 'finish'; result: TGenerateResult }
  | { type: 'error'; code: string; message: string };

/** A target made callable: the AI SDK model plus what the gateway needs to price and label its answers. */
export interface TResolvedTarget {
  /** Stable key for health, load and latency bookkeeping: `${provider}:${model}`. */
  key: string;
  provider: string;
  providerKind: TProviderKind;
  model: string;
  languageModel: LanguageModelV4;
  /** US dollars per 1 000 tokens; 0 for local. */
  inputPricePer1k: number;
  outputPricePer1k: number;
}

/** Who a call is made for; every gateway call is scoped to one organization. */
/** Where an organization stands against its hourly AI generation quota after a call took one. */
export interface TQuotaState {
  limit: number;
  remaining: number;
  resetAt: Date;
}

export interface TCallContext {
  organizationId: string;
  /** Null for work no person started (a scheduled workflow run). */
  userId: string | null;
  projectId?: string;
  apiKeyId?: string;
  /** Aborted when the client goes away. */
  signal?: AbortSignal;
  /** Told the quota's state once the call has taken a generation from it (HTTP: usage headers). */
  onQuota?: (quota: TQuotaState) => void;
}

/** The gateway as the HTTP layer sees it: the pipeline of cache, budget, routing, failover and usage. */
export interface TAiGateway {
  generate(ctx: TCallContext, request: TGenerateRequest): Promise<TGenerateResult>;
  /**
   * Resolves once the call is admitted (route known, budget reserved); rejects with an AppError otherwise, so
   * the HTTP layer can still answer with a status. The iterable then ends with exactly one finish or error.
   */
  stream(ctx: TCallContext, request: TGenerateRequest): Promise<AsyncIterable<TStreamEvent>>;
}
