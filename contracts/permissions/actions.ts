import type { TApiKeyScope, TOrgRole } from './roles.ts';

// The catalogue of everything a route may ask `can` about, grouped by the kind of resource it touches. The
// server's `can` enforces it; the web reads the same table to hide what the user may not do.
export type TOrganizationAction =
  | 'organization:read'
  | 'organization:update'
  | 'organization:delete'
  | 'organization:manage_billing'
  | 'organization:transfer_ownership';
export type TSettingsAction = 'settings:update';
export type TMemberAction = 'member:read' | 'member:remove' | 'member:change_role' | 'member:leave';
export type TInvitationAction = 'invitation:create' | 'invitation:read' | 'invitation:revoke';
export type TProjectAction =
  | 'project:create'
  | 'project:read'
  | 'project:update'
  | 'project:delete'
  | 'project:deploy'
  | 'project:share';
export type TProjectMemberAction =
  | 'project_member:read'
  | 'project_member:add'
  | 'project_member:remove'
  | 'project_member:change_role';
export type TDeploymentAction = 'deployment:read' | 'deployment:rollback';
export type TApiKeyAction = 'api_key:create' | 'api_key:read' | 'api_key:revoke';
export type TAuditAction = 'audit:read';
export type TAiAction = 'ai:generate';
export type TAiProviderAction = 'ai_provider:read' | 'ai_provider:manage';
export type TWorkflowAction =
  | 'workflow:create'
  | 'workflow:read'
  | 'workflow:update'
  | 'workflow:delete'
  | 'workflow:execute';
export type TAgentAction = 'agent:create' | 'agent:read' | 'agent:update' | 'agent:delete';
export type TContentAction =
  | 'content:create'
  | 'content:read'
  | 'content:update'
  | 'content:delete'
  | 'content:publish';
export type TCommentAction = 'comment:create' | 'comment:update' | 'comment:delete';

export type TAction =
  | TOrganizationAction
  | TSettingsAction
  | TMemberAction
  | TInvitationAction
  | TProjectAction
  | TProjectMemberAction
  | TDeploymentAction
  | TApiKeyAction
  | TAuditAction
  | TAiAction
  | TAiProviderAction
  | TWorkflowAction
  | TAgentAction
  | TContentAction
  | TCommentAction;

/** The part before the colon: the kind of resource an action touches. */
export type TResourceKind = TAction extends `${infer K}:${string}` ? K : never;

/** What a project membership must give (SPEC §3 flags); `member` means any member of the project. */
export type TProjectGrant = 'member' | 'canEdit' | 'canComment' | 'canDeploy' | 'canInvite';

export type TActionRule = {
  /** Lowest organization role that may do it to any resource of its organization; `null`: no role may. */
  orgWide: TOrgRole | null;
  /** The resource's owner may do it (see OWNERSHIP_NEEDS for the role the owner must still hold). */
  owner: boolean;
  /** The project permission that grants it on a resource inside that project; `null`: membership never does. */
  project: TProjectGrant | null;
  /** The API key scope it needs: `read` for reads, `write` for changes, `admin` for running the organization. */
  scope: TApiKeyScope;
};

const rule = (
  orgWide: TOrgRole | null,
  scope: TApiKeyScope,
  extra: { owner?: boolean; project?: TProjectGrant } = {},
): TActionRule => ({ orgWide, scope, owner: extra.owner ?? false, project: extra.project ?? null });

/**
 * Every action and who may perform it. The mapped type makes the table exhaustive: adding an action to the
 * unions above without a rule here fails to compile. Grants follow the role order, so a higher role always
 * holds at least what a lower one does.
 */
export const ACTIONS: { readonly [A in TAction]: TActionRule } = {
  'organization:read': rule('viewer', 'read'),
  'organization:update': rule('admin', 'admin'),
  'organization:delete': rule('owner', 'admin'),
  'organization:manage_billing': rule('owner', 'admin'),
  'organization:transfer_ownership': rule('owner', 'admin'),
  'settings:update': rule('admin', 'admin'),

  'member:read': rule('viewer', 'read'),
  'member:remove': rule('admin', 'admin'),
  'member:change_role': rule('admin', 'admin'),
  'member:leave': rule('viewer', 'admin'),
  'invitation:create': rule('admin', 'admin'),
  'invitation:read': rule('admin', 'read'),
  'invitation:revoke': rule('admin', 'admin'),

  'project:create': rule('designer', 'write'),
  'project:read': rule('viewer', 'read', { project: 'member' }),
  'project:update': rule('developer', 'write', { owner: true, project: 'canEdit' }),
  'project:delete': rule('admin', 'write', { owner: true }),
  'project:deploy': rule('developer', 'write', { owner: true, project: 'canDeploy' }),
  'project:share': rule('admin', 'admin', { owner: true, project: 'canInvite' }),
  'project_member:read': rule('viewer', 'read', { project: 'member' }),
  'project_member:add': rule('admin', 'admin', { owner: true, project: 'canInvite' }),
  'project_member:remove': rule('admin', 'admin', { owner: true, project: 'canInvite' }),
  'project_member:change_role': rule('admin', 'admin', { owner: true, project: 'canInvite' }),
  'deployment:read': rule('viewer', 'read', { project: 'member' }),
  'deployment:rollback': rule('developer', 'write', { project: 'canDeploy' }),

  'api_key:create': rule('viewer', 'admin'),
  'api_key:read': rule('admin', 'admin', { owner: true }),
  'api_key:revoke': rule('admin', 'admin', { owner: true }),
  'audit:read': rule('admin', 'read'),

  'ai:generate': rule('designer', 'write', { project: 'canEdit' }),
  'ai_provider:read': rule('designer', 'read'),
  'ai_provider:manage': rule('admin', 'admin'),

  'workflow:create': rule('developer', 'write', { project: 'canEdit' }),
  'workflow:read': rule('viewer', 'read', { project: 'member' }),
  'workflow:update': rule('developer', 'write', { owner: true, project: 'canEdit' }),
  'workflow:delete': rule('admin', 'write', { owner: true }),
  'workflow:execute': rule('developer', 'write', { owner: true, project: 'canEdit' }),
  'agent:create': rule('developer', 'write', { project: 'canEdit' }),
  'agent:read': rule('viewer', 'read', { project: 'member' }),
  'agent:update': rule('developer', 'write', { owner: true, project: 'canEdit' }),
  'agent:delete': rule('admin', 'write', { owner: true }),

  'content:create': rule('designer', 'write', { project: 'canEdit' }),
  'content:read': rule('viewer', 'read', { project: 'member' }),
  'content:update': rule('designer', 'write', { owner: true, project: 'canEdit' }),
  'content:delete': rule('admin', 'write', { owner: true }),
  'content:publish': rule('designer', 'write', { project: 'canDeploy' }),
  'comment:create': rule('client', 'write', { project: 'canComment' }),
  'comment:update': rule(null, 'write', { owner: true }),
  'comment:delete': rule('admin', 'write', { owner: true }),
};

/**
 * Ownership lasts only while the owner's organization role may still create that kind of resource: a
 * developer demoted to viewer stops editing the workflows they wrote at once, instead of keeping write access
 * through the owner rule forever.
 */
export const OWNERSHIP_NEEDS: { readonly [K in TResourceKind]?: TAction } = {
  project: 'project:create',
  project_member: 'project:create',
  api_key: 'api_key:create',
  workflow: 'workflow:create',
  agent: 'agent:create',
  content: 'content:create',
  comment: 'comment:create',
};

/** Every action name, in catalogue order. */
export const ACTION_NAMES = Object.keys(ACTIONS) as TAction[];

/** Narrows an untrusted string (a route table, a JWT `permissions[]` entry) to a known action. */
export function isAction(name: string): name is TAction {
  return Object.hasOwn(ACTIONS, name);
}

/** The kind of resource an action touches. */
export function resourceKindOf(action: TAction): TResourceKind {
  return action.slice(0, action.indexOf(':')) as TResourceKind;
}
