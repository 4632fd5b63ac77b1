import { useCallback } from 'react';
import { ACTIONS, orgRoleAtLeast, type TAction } from '../../../contracts/permissions/index.ts';
import { useSession } from './session.tsx';

/** A function telling whether the active role may do an action organization-wide (for lists of actions). */
export function usePermissionCheck(): (action: TAction) => boolean {
  const { organization } = useSession();
  const role = organization?.role;
  return useCallback(
    (action: TAction) => {
      const minimum = ACTIONS[action].orgWide;
      return role !== undefined && minimum !== null && orgRoleAtLeast(role, minimum);
    },
    [role],
  );
}
