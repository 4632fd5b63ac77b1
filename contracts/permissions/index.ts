export type {
  TAction,
  TActionRule,
  TProjectGrant,
  TResourceKind,
} from './actions.ts';
export { ACTION_NAMES, ACTIONS, isAction, OWNERSHIP_NEEDS, resourceKindOf } from './actions.ts';
export { canAssignOrgRole } from './role-changes.ts';
export type { TApiKeyScope, TOrgRole, TProjectRole } from './roles.ts';
export { API_KEY_SCOPES, ORG_ROLES, orgRoleAtLeast, PROJECT_ROLES_ORDERED, scopesSatisfy } from './roles.ts';
