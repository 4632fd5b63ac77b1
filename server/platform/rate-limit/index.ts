export {
  createLimiter,
  type Limiter,
  type TLimiterOptions,
  type TRateDecision,
} from './create-limiter.ts';
export { KEY_PREFIX, RateLimitStoreError } from './flexible.ts';
export {
  blockSecFor,
  createLockout,
  type Lockout,
  type TLockoutOptions,
  type TLockoutState,
} from './lockout.ts';
export { rateLimit, rateLimitHeaders, type TRateLimitOptions, waitText } from './rate-limit-middleware.ts';
