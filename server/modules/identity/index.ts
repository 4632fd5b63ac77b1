export { API_KEY_SCOPES, apiKeys, invitations, refreshTokens, signingKeys } from './access-schema.ts';
export {
  accounts,
  ORGANIZATION_ROLES,
  organizationMembers,
  organizations,
  PROJECT_ROLES,
  projectMembers,
  projects,
  sessions,
  users,
  verifications,
} from './schema.ts';
