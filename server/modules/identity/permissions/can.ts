import {
  ACTIONS,
  OWNERSHIP_NEEDS,
  resourceKindOf,
  type TAction,
} from '../../../../contracts/permissions/actions.ts';
import {
  orgRoleAtLeast,
  scopesSatisfy,
  type TApiKeyScope,
  type TOrgRole,
  type TProjectRole,
} from '../../../../contracts/permissions/roles.ts';
import { projectPermissions, type TProjectMembership } from './project-permissions.ts';

/**
 * Who is asking, as resolved for this request from the current membership rows (never from a stale token or
 * a snapshot taken when an API key was made, so a demotion takes effect on the next request).
 */
export type TActor = {
  userId: string;
  /** The organization the request runs in (the active one for a session, the key's for an API key). */
  organizationId: string;
  orgRole: TOrgRole;
  /** The actor's project memberships in this organization, by project id: a role, or a role with overrides. */
  projectRoles?: Readonly<Record<string, TProjectRole | TProjectMembership>>;
  /** Present only when authenticated by API key (or a token carrying scopes): the key's scopes. */
  apiKeyScopes?: readonly TApiKeyScope[];
};

/** What is acted on. Omitted for organization-level actions, which then target the actor's organization. */
export type TResource = { organizationId: string; ownerId?: string; projectId?: string };

export type TDenyReason = 'unknown_action' | 'cross_tenant' | 'insufficient_scope' | 'not_permitted';
export type TDecision = { allowed: true } | { allowed: false; reason: TDenyReason };

const ALLOW: TDecision = { allowed: true };
const deny = (reason: TDenyReason): TDecision => ({ allowed: false, reason });

/**
 * Decides whether `actor` may perform `action` on `resource` (the overview's PermissionManager).
 *
 * Order: restrictions first, and no grant can override them; then the three grants, any one of which allows.
 *   1. unknown action → deny (the catalogue is the allow-list; a route naming nothing gets nothing).
 *   2. resource in another organization → deny, whatever the role, ownership or project role: tenant
 *      isolation comes before everything, including the organization owner.
 *   3. API key without the scope the action needs → deny. Scopes only subtract: the grants below are the key
 *      creator's own, so a key can never exceed its creator's role.
 *   4. organization role grants it organization-wide → allow.
 *   5. actor owns the resource, the action lets owners do it, and the actor's role may still create that kind
 *      of resource → allow.
 *   6. actor is a member of the resource's project and the membership (role narrowed by overrides) gives the
 *      flag the action needs → allow.
 *   7. otherwise deny.
 */
export function can(actor: TActor, action: TAction, resource?: TResource): TDecision {
  const rule = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
  if (!rule) return deny('unknown_action');

  if (resource && resource.organizationId !== actor.organizationId) return deny('cross_tenant');

  if (actor.apiKeyScopes && !scopesSatisfy(actor.apiKeyScopes, rule.scope)) return deny('insufficient_scope');

  if (roleGrants(actor.orgRole, action)) return ALLOW;

  if (rule.owner && actor.userId !== '' && resource?.ownerId === actor.userId) {
    const needed = OWNERSHIP_NEEDS[resourceKindOf(action)];
    if (needed && roleGrants(actor.orgRole, needed)) return ALLOW;
  }

  const projectRoles = actor.projectRoles;
  if (rule.project && resource?.projectId !== undefined && projectRoles) {
    // Own keys only: a project id such as `__proto__` must not find an inherited property.
    const membership = Object.hasOwn(projectRoles, resource.projectId)
      ? projectRoles[resource.projectId]
      : undefined;
    if (membership) {
      const { role, permissions } = typeof membership === 'string' ? { role: membership } : membership;
      if (rule.project === 'member' || projectPermissions(role, permissions)[rule.project]) return ALLOW;
    }
  }

  return deny('not_permitted');
}

/** Whether an organization role alone grants `action` organization-wide. */
export function roleGrants(role: TOrgRole, action: TAction): boolean {
  const { orgWide } = ACTIONS[action];
  return orgWide !== null && orgRoleAtLeast(role, orgWide);
}

/** `can` as a boolean, for filters and UI hints. */
export function isAllowed(actor: TActor, action: TAction, resource?: TResource): boolean {
  return can(actor, action, resource).allowed;
}
