export type { TRouters } from './access/create-routers.ts';
export { orgWide } from './access/org-wide.ts';
export type { TRouteAccess } from './access/route-access.ts';
export { API_KEY_SCOPES, apiKeys, invitations, refreshTokens, signingKeys } from './access-schema.ts';
export type { TActorContext, TIdentityEnv, TUser, TUserEnv } from './actor.ts';
export { isInstanceAdmin, setInstanceAdmin } from './admin/instance-admins.ts';
export { setOrganizationPlan } from './admin/set-organization-plan.ts';
export { createIdentity, type Identity } from './create-identity.ts';
export { getOrganizationPlan } from './limits/org-plan.ts';
export {
  acceptInvitation,
  createProjectInvitation,
  INVITABLE_PROJECT_ROLES,
  type TAcceptedInvitation,
  type TInvitableProjectRole,
  type TProjectInvitationView,
} from './organizations/index.ts';
export {
  assertCan,
  can,
  isAllowed,
  type TAction,
  type TActor,
  type TResource,
} from './permissions/index.ts';
export { authorizeProject, projectResource, withProjectRole } from './projects/project-access.ts';
export {
  accounts,
  instanceBootstrap,
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
export { mintAccessToken } from './tokens/mint-access-token.ts';
