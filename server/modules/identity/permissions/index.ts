// The catalogue and roles live in contracts/ (the web reads them too); `can` and `assertCan` stay here.
export type {
  TAction,
  TActionRule,
  TApiKeyScope,
  TOrgRole,
  TProjectGrant,
  TProjectRole,
  TResourceKind,
} from '../../../../contracts/permissions/index.ts';
export {
  ACTION_NAMES,
  ACTIONS,
  API_KEY_SCOPES,
  canAssignOrgRole,
  isAction,
  ORG_ROLES,
  OWNERSHIP_NEEDS,
  orgRoleAtLeast,
  PROJECT_ROLES_ORDERED,
  resourceKindOf,
  scopesSatisfy,
} from '../../../../contracts/permissions/index.ts';
export { assertCan } from './assert-can.ts';
export type { TActor, TDecision, TDenyReason, TResource } from './can.ts';
export { can, isAllowed, roleGrants } from './can.ts';
export type {
  TProjectMembership,
  TProjectPermissionFlag,
  TProjectPermissions,
} from './project-permissions.ts';
export { PROJECT_ROLE_PERMISSIONS, projectPermissions } from './project-permissions.ts';
