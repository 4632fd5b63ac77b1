import type { TOrgRole } from '../../identity/permissions/index.ts';
import type { INVITABLE_PROJECT_ROLES } from './schemas.ts';

export type TInvitableRole = (typeof INVITABLE_PROJECT_ROLES)[number];

// The invitations table (identity) holds one role, an organization role, and has no project-role column.
// A collaboration invite therefore stores the organization role an outsider gets on accepting, chosen one to
// one from the project role so the project role can be read back: the lowest organization role that does not
// exceed what the project role lets the person do. (A `project_role` column would let them vary apart.)
const ORG_ROLE_FOR: Readonly<Record<TInvitableRole, TOrgRole>> = {
  editor: 'designer',
  commenter: 'client',
  viewer: 'viewer',
};

export const orgRoleForInvite = (role: TInvitableRole): TOrgRole => ORG_ROLE_FOR[role];

export function projectRoleOfInvite(stored: TOrgRole): TInvitableRole | undefined {
  const entry = Object.entries(ORG_ROLE_FOR).find(([, org]) => org === stored);
  return entry?.[0] as TInvitableRole | undefined;
}
