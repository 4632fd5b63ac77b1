import { ORG_ROLES, orgRoleAtLeast, type TOrgRole } from './roles.ts';

/**
 * Whether someone with `actorRole` may move a member from `fromRole` to `toRole` (or invite at `toRole`, with
 * `fromRole` undefined). Routes check `member:change_role` / `invitation:create` with `can` first; this adds
 * the ceiling: nobody hands out a role above their own, and only an owner creates or touches an owner, so an
 * admin can neither promote themselves to owner nor demote the owner. Keeping at least one owner is the
 * membership operation's job, as it needs the count.
 */
export function canAssignOrgRole(
  actorRole: TOrgRole,
  fromRole: TOrgRole | undefined,
  toRole: TOrgRole,
): boolean {
  if (!ORG_ROLES.includes(toRole)) return false;
  if (actorRole === 'owner') return true;
  if (fromRole === 'owner' || toRole === 'owner') return false;
  return orgRoleAtLeast(actorRole, 'admin') && orgRoleAtLeast(actorRole, toRole);
}
