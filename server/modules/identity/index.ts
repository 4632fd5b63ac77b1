export type { TRouters } from './access/create-routers.ts';
export { orgWide } from './access/org-wide.ts';
export type { TRouteAccess } from './access/route-access.ts';
export { API_KEY_SCOPES, apiKeys, invitations, refreshTokens, signingKeys } from './access-schema.ts';
export type { TActorContext, TIdentityEnv, TUser, TUserEnv } from './actor.ts';
export { createIdentity, type Identity } from './create-identity.ts';
export { getOrganizationPlan } from './limits/org-plan.ts';
export { assertCan, type TActor, type TResource } from './permissions/index.ts';
export {
  accounts,
  ORGANIZATION_ROLES,
  organizationIdColumn,
  organizationMembers,
  organizations,
  PROJECT_ROLES,
  projectMembers,
  projects,
  sessions,
  users,
  verifications,
} from './schema.ts';
export {
  requestTenant,
  type TenantRunner,
  type TTenantDeps,
  tenantOf,
  tenantRunner,
} from './tenancy/tenant-runner.ts';
