import {
  ACTION_NAMES,
  ACTIONS,
  API_KEY_SCOPES,
  ORG_ROLES,
  roleGrants,
  type TApiKeyScope,
  type TOrgRole,
} from '../permissions/index.ts';

const LOWEST_ROLE = ORG_ROLES[ORG_ROLES.length - 1];

/**
 * The scopes a member with `role` may put on a key, decided from the permission catalogue so the two cannot
 * drift:
 * - `read`: every member (every role may read its organization);
 * - `write` / `admin`: only if the role is granted, organization-wide, at least one action needing that
 *   scope that is not open to every member. `api_key:create` and `member:leave` need the admin scope yet
 *   any viewer may do them: they are self-service, not running the organization, so they do not count.
 * Today: owner and admin get all three; developer, designer and client read + write; viewer read only.
 * The key's scopes only subtract at request time (`can` still checks the creator's current role), so this
 * is about not handing out a key that promises more than its creator holds.
 */
export function grantableScopes(role: TOrgRole): TApiKeyScope[] {
  return API_KEY_SCOPES.filter(
    (scope) =>
      scope === 'read' ||
      ACTION_NAMES.some((action) => {
        const rule = ACTIONS[action];
        return (
          rule.scope === scope &&
          rule.orgWide !== null &&
          rule.orgWide !== LOWEST_ROLE &&
          roleGrants(role, action)
        );
      }),
  );
}
