import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import {
  ACTIONS,
  ORG_ROLES,
  orgRoleAtLeast,
  type TAction,
  type TOrgRole,
} from '../../../contracts/permissions/index.ts';
import {
  fetchMe,
  fetchOrganization,
  ME_KEY,
  organizationKey,
  signOutRequest,
  switchActiveOrganization,
  type TMe,
  type TOrganization,
} from './session-api.ts';

export type TSessionUser = TMe['user'];
export type TMembership = TMe['organizations'][number];
/** The active organization: the membership summary plus its settings once loaded. */
export type TActiveOrganization = TMembership & { role: TOrgRole; settings?: TOrganization['settings'] };

export type TSession = {
  status: 'loading' | 'error' | 'signed-out' | 'signed-in';
  error: unknown;
  user: TSessionUser | null;
  organization: TActiveOrganization | null;
  organizations: TMembership[];
  switchOrganization: (id: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Re-reads the session (after sign-in, creating or joining an organization). */
  refresh: () => Promise<void>;
};

const SessionContext = createContext<TSession | null>(null);

const isOrgRole = (role: string): role is TOrgRole => (ORG_ROLES as readonly string[]).includes(role);

/** Loads who is signed in (GET /users/me) and the active organization's settings; provides useSession(). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: ({ signal }) => fetchMe(signal), staleTime: 60_000 });
  const activeId = me.data?.activeOrganizationId ?? null;
  const organization = useQuery({
    queryKey: organizationKey(activeId ?? 'none'),
    queryFn: ({ signal }) => fetchOrganization(activeId!, signal),
    enabled: activeId !== null,
  });

  const switchMutation = useMutation({
    mutationFn: switchActiveOrganization,
    onSuccess: (data) => {
      // Everything cached belongs to the previous organization: drop it, keep the new session.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, data);
    },
  });

  const value = useMemo<TSession>(() => {
    const data = me.data;
    const membership = data?.organizations.find((o) => o.id === data.activeOrganizationId) ?? null;
    const active: TActiveOrganization | null =
      membership && isOrgRole(membership.role)
        ? { ...membership, role: membership.role, settings: organization.data?.settings }
        : null;
    let status: TSession['status'] = 'signed-in';
    if (me.isPending) status = 'loading';
    else if (me.isError) status = 'error';
    else if (!data) status = 'signed-out';
    return {
      status,
      error: me.error,
      user: data?.user ?? null,
      organization: active,
      organizations: data?.organizations ?? [],
      switchOrganization: async (id) => {
        await switchMutation.mutateAsync(id);
      },
      signOut: async () => {
        await signOutRequest();
        // Nobody is signed in now; everything else cached belonged to that user and goes.
        queryClient.setQueryData(ME_KEY, null);
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      },
      refresh: async () => {
        await queryClient.invalidateQueries();
      },
    };
  }, [me.data, me.isPending, me.isError, me.error, organization.data, switchMutation, queryClient]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session: user, active organization (with role and plan), memberships, switchOrganization, signOut. */
export function useSession(): TSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider above it');
  return session;
}

/**
 * Whether the active role may do `action` organization-wide (the server's own catalogue, so the two cannot
 * drift). Resources the member owns may allow more; the server decides, this only hides what would fail.
 */
export function usePermission(action: TAction): boolean {
  const { organization } = useSession();
  if (!organization) return false;
  const minimum = ACTIONS[action].orgWide;
  return minimum !== null && orgRoleAtLeast(organization.role, minimum);
}

/** The active organization's feature flags (settings.featureFlags); a flag not set is off. */
export function useFeatureFlags(): { flags: Record<string, boolean>; isEnabled: (flag: string) => boolean } {
  const { organization } = useSession();
  return useMemo(() => {
    const flags = organization?.settings?.featureFlags ?? {};
    return { flags, isEnabled: (flag: string) => flags[flag] === true };
  }, [organization?.settings?.featureFlags]);
}
