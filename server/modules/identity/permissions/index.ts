export type {
  TAction,
  TActionRule,
  TProjectGrant,
  TResourceKind,
} from './actions.ts';
export { ACTION_NAMES, ACTIONS, isAction, OWNERSHIP_NEEDS, resourceKindOf } from './actions.ts';
export { assertCan } from './assert-can.ts';
export type { TActor, TDecision, TDenyReason, TResource } from './can.ts';
export { can, isAllowed, roleGrants } from './can.ts';
export type {
  TProjectMembership,
  TProjectPermissionFlag,
  TProjectPermissions,
} from './project-permissions.ts';
export { PROJECT_ROLE_PERMISSIONS, projectPermissions } from './project-permissions.ts';
export { canAssignOrgRole } from './role-changes.ts';
export type { TApiKeyScope, TOrgRole, TProjectRole } from './roles.ts';
export { API_KEY_SCOPES, ORG_ROLES, orgRoleAtLeast, PROJECT_ROLES_ORDERED, scopesSatisfy } from './roles.ts';
