// Roles and scopes as both sides see them: the server enforces them (and its tables take their column enums
// from here), the web hides what a role cannot do.

/** Organization roles, highest first (SPEC §3). The index is the rank: lower means more rights. */
export const ORG_ROLES = ['owner', 'admin', 'developer', 'designer', 'client', 'viewer'] as const;
export type TOrgRole = (typeof ORG_ROLES)[number];

/** Project member roles, highest first (SPEC §3). */
export const PROJECT_ROLES_ORDERED = ['owner', 'editor', 'commenter', 'viewer'] as const;
export type TProjectRole = (typeof PROJECT_ROLES_ORDERED)[number];

/** API key scopes, lowest first: each includes the ones before it (an `admin` key may also write and read). */
export const API_KEY_SCOPES = ['read', 'write', 'admin'] as const;
export type TApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** True when `role` ranks at least as high as `minimum`. */
export function orgRoleAtLeast(role: TOrgRole, minimum: TOrgRole): boolean {
  return ORG_ROLES.indexOf(role) <= ORG_ROLES.indexOf(minimum);
}

/** True when a key holding `held` may perform an operation that needs `needed` (scopes are cumulative). */
export function scopesSatisfy(held: readonly TApiKeyScope[], needed: TApiKeyScope): boolean {
  const neededRank = API_KEY_SCOPES.indexOf(needed);
  return held.some((scope) => API_KEY_SCOPES.indexOf(scope) >= neededRank);
}
