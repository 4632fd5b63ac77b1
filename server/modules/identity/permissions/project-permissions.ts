import type { TProjectRole } from '../../../../contracts/permissions/roles.ts';

/** What a project member may do (SPEC §3). Reading the project needs no flag: membership is enough. */
export type TProjectPermissions = {
  canEdit: boolean;
  canComment: boolean;
  canDeploy: boolean;
  canInvite: boolean;
};
export type TProjectPermissionFlag = keyof TProjectPermissions;

/**
 * The flags each project role gives. Editors ship what they edit, so they deploy; only the project owner
 * brings people in. Per-member overrides can take any of these away (an editor who may not deploy).
 */
export const PROJECT_ROLE_PERMISSIONS: { readonly [R in TProjectRole]: Readonly<TProjectPermissions> } = {
  owner: { canEdit: true, canComment: true, canDeploy: true, canInvite: true },
  editor: { canEdit: true, canComment: true, canDeploy: true, canInvite: false },
  commenter: { canEdit: false, canComment: true, canDeploy: false, canInvite: false },
  viewer: { canEdit: false, canComment: false, canDeploy: false, canInvite: false },
};

/** A project membership: the role plus the `project_members.permissions` jsonb. */
export type TProjectMembership = { role: TProjectRole; permissions?: Readonly<Record<string, boolean>> };

/**
 * The effective flags of a membership. Overrides only narrow: `false` removes a flag the role gives, while
 * `true` can never add one the role lacks, so the role stays the ceiling and changing a member's role is the
 * one way to widen rights (and the one thing the audit trail has to show). Unknown keys are ignored.
 */
export function projectPermissions(
  role: TProjectRole,
  overrides: Readonly<Record<string, boolean>> = {},
): TProjectPermissions {
  const base = PROJECT_ROLE_PERMISSIONS[role];
  // Anything but an absent or `true` override narrows, so a malformed jsonb value fails closed.
  const keep = (flag: TProjectPermissionFlag) => base[flag] && (overrides[flag] ?? true) === true;
  return {
    canEdit: keep('canEdit'),
    canComment: keep('canComment'),
    canDeploy: keep('canDeploy'),
    canInvite: keep('canInvite'),
  };
}
