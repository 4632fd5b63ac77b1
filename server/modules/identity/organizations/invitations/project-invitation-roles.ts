import type { TOrgRole } from '../../permissions/index.ts';

/** Roles a collaborator may be invited to a project with; `owner` is not handed out by invitation. */
export const INVITABLE_PROJECT_ROLES = ['editor', 'commenter', 'viewer'] as const;
export type TInvitableProjectRole = (typeof INVITABLE_PROJECT_ROLES)[number];

// The invitations table holds one role, an organization role, and has no project-role column. A project
// invitation therefore stores the organization role an outsider gets on accepting, chosen one to one from the
// project role so the project role can be read back: the lowest organization role that does not exceed what
// the project role lets the person do. (A `project_role` column would let them vary apart.)
const ORG_ROLE_FOR: Readonly<Record<TInvitableProjectRole, TOrgRole>> = {
  editor: 'designer',
  commenter: 'client',
  viewer: 'viewer',
};

export const orgRoleForProjectInvitation = (role: TInvitableProjectRole): TOrgRole => ORG_ROLE_FOR[role];

export function projectRoleOfInvitation(stored: TOrgRole): TInvitableProjectRole | undefined {
  const entry = Object.entries(ORG_ROLE_FOR).find(([, org]) => org === stored);
  return entry?.[0] as TInvitableProjectRole | undefined;
}
