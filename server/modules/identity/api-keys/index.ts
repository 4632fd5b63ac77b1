// The public face of API keys: operations for other identity code (the auth middleware uses verifyApiKey),
// the routes, and the events.
export { type TApiKey, ZApiKeySchema } from './api-key-record.ts';
export { API_KEY_PREFIX, isWellFormedApiKey } from './api-key-secret.ts';
export { createApiKey, type TCreateApiKeyInput } from './create-api-key.ts';
export { ApiKeyCreated, ApiKeyRevoked } from './events.ts';
export { grantableScopes } from './grantable-scopes.ts';
export { listApiKeys } from './list-api-keys.ts';
export { revokeApiKey } from './revoke-api-key.ts';
export { apiKeyRoutes } from './routes/api-key-routes.ts';
export {
  API_KEY_CACHE_TTL_MS,
  forgetMemberRole,
  MEMBER_ROLE_CACHE_TTL_MS,
  memberRoleCacheKey,
  type TVerifiedApiKey,
  verifyApiKey,
} from './verify-api-key.ts';
