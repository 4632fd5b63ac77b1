// The gateway's public face: target planning, resilient execution (generate and stream) and the response
// cache. No database here: the AI pipeline composes these with budgets and usage recording.
export { backoffDelay, cryptoRandom, sleep } from './backoff.ts';
export { cacheKey, canonicalJson, DEFAULT_TEMPERATURE, targetsSignature } from './cache-key.ts';
export {
  type CircuitBreakers,
  createCircuitBreakers,
  DEFAULT_CIRCUIT_OPTIONS,
  type TCircuitOptions,
  type TCircuitState,
} from './circuit-breaker.ts';
export { classifyError, parseRetryAfter, type TFailure } from './classify-error.ts';
export { createResponseCache, DEFAULT_RESPONSE_TTL_MS, type ResponseCache } from './create-response-cache.ts';
export { createTargetPlanner, type TargetPlanner, type TPlanInput } from './create-target-planner.ts';
export { executeGenerate, type TExecuteOptions } from './execute-generate.ts';
export { executeStream } from './execute-stream.ts';
export { createGatewayRuntime, type GatewayRuntime } from './gateway-runtime.ts';
export { schemaValidator, schemaViolation } from './json-schema.ts';
export { createTargetStats, type TargetStats } from './target-stats.ts';
export {
  DEFAULT_RETRY_POLICY,
  type TClock,
  type TPlan,
  type TRandom,
  type TRetryPolicy,
  type TSleep,
  type TWeightedTarget,
} from './types.ts';
