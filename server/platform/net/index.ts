export { createGuardedFetch, MAX_GUARDED_REDIRECTS } from './guarded-fetch.ts';
export { BodyTooLargeError, openPinned, sendRequest, type TRawResponse } from './send-request.ts';
export {
  forbiddenRange,
  pinnedLookup,
  resolveTarget,
  TargetRefusedError,
  type TResolvedTarget,
  type TTargetPolicy,
} from './ssrf-guard.ts';
