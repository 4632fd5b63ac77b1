import { describe, expect, it } from 'vitest';
import { ACTION_NAMES, ACTIONS, isAction, type TAction } from '../../../../contracts/permissions/actions.ts';
import {
  ORG_ROLES,
  PROJECT_ROLES_ORDERED,
  type TApiKeyScope,
  type TOrgRole,
  type TProjectRole,
} from '../../../../contracts/permissions/roles.ts';
import { can, type TActor, type TResource } from './can.ts';

const ORG = 'org-a';
const OTHER_ORG = 'org-b';
const ME = 'user-me';
const SOMEONE = 'user-someone';
const PROJECT = 'project-1';

// The expected answers, written out by hand so that a change to the catalogue shows up here as a failing
// row rather than silently moving the goalposts. Columns are the organization roles, highest first:
//   o = owner, a = admin, d = developer, s = designer, c = client, v = viewer;  `x` allowed, `.` denied.
// The last field is the API key scope the action needs: r = read, w = write, a = admin.
//
// Role grant (someone else's resource, no project membership):
// biome-ignore format: the table is aligned by hand to be read as a matrix
const BY_ROLE: Record<TAction, readonly [string, 'r' | 'w' | 'a']> = {
  //                                   oadscv
  'organization:read':               ['xxxxxx', 'r'],
  'organization:update':             ['xx....', 'a'],
  'organization:delete':             ['x.....', 'a'],
  'organization:manage_billing':     ['x.....', 'a'],
  'organization:transfer_ownership': ['x.....', 'a'],
  'settings:update':                 ['xx....', 'a'],
  'member:read':                     ['xxxxxx', 'r'],
  'member:remove':                   ['xx....', 'a'],
  'member:change_role':              ['xx....', 'a'],
  'member:leave':                    ['xxxxxx', 'a'],
  'invitation:create':               ['xx....', 'a'],
  'invitation:read':                 ['xx....', 'r'],
  'invitation:revoke':               ['xx....', 'a'],
  'project:create':                  ['xxxx..', 'w'],
  'project:read':                    ['xxxxxx', 'r'],
  'project:update':                  ['xxx...', 'w'],
  'project:delete':                  ['xx....', 'w'],
  'project:deploy':                  ['xxx...', 'w'],
  'project:share':                   ['xx....', 'a'],
  'project_member:read':             ['xxxxxx', 'r'],
  'project_member:add':              ['xx....', 'a'],
  'project_member:remove':           ['xx....', 'a'],
  'project_member:change_role':      ['xx....', 'a'],
  'deployment:read':                 ['xxxxxx', 'r'],
  'deployment:rollback':             ['xxx...', 'w'],
  'api_key:create':                  ['xxxxxx', 'a'],
  'api_key:read':                    ['xx....', 'a'],
  'api_key:revoke':                  ['xx....', 'a'],
  'audit:read':                      ['xx....', 'r'],
  'ai:generate':                     ['xxxx..', 'w'],
  'ai_provider:read':                ['xxxx..', 'r'],
  'ai_provider:manage':              ['xx....', 'a'],
  'workflow:create':                 ['xxx...', 'w'],
  'workflow:read':                   ['xxxxxx', 'r'],
  'workflow:update':                 ['xxx...', 'w'],
  'workflow:delete':                 ['xx....', 'w'],
  'workflow:execute':                ['xxx...', 'w'],
  'agent:create':                    ['xxx...', 'w'],
  'agent:read':                      ['xxxxxx', 'r'],
  'agent:update':                    ['xxx...', 'w'],
  'agent:delete':                    ['xx....', 'w'],
  'content:create':                  ['xxxx..', 'w'],
  'content:read':                    ['xxxxxx', 'r'],
  'content:update':                  ['xxxx..', 'w'],
  'content:delete':                  ['xx....', 'w'],
  'content:publish':                 ['xxxx..', 'w'],
  'comment:create':                  ['xxxxx.', 'w'],
  'comment:update':                  ['......', 'w'],
  'comment:delete':                  ['xx....', 'w'],
};

// The actor owns the resource: only the owner-allowed actions, everything else is as BY_ROLE.
// biome-ignore format: the table is aligned by hand to be read as a matrix
const AS_OWNER: Partial<Record<TAction, string>> = {
  //                                  oadscv
  'project:update':                  'xxxx..',
  'project:delete':                  'xxxx..',
  'project:deploy':                  'xxxx..',
  'project:share':                   'xxxx..',
  'project_member:add':              'xxxx..',
  'project_member:remove':           'xxxx..',
  'project_member:change_role':      'xxxx..',
  'api_key:read':                    'xxxxxx',
  'api_key:revoke':                  'xxxxxx',
  'workflow:update':                 'xxx...',
  'workflow:delete':                 'xxx...',
  'workflow:execute':                'xxx...',
  'agent:update':                    'xxx...',
  'agent:delete':                    'xxx...',
  'content:update':                  'xxxx..',
  'content:delete':                  'xxxx..',
  'comment:update':                  'xxxxx.',
  'comment:delete':                  'xxxxx.',
};

// An organization `viewer` who is a member of the resource's project, by project role. Columns: project roles
//   o = owner, e = editor, c = commenter, v = viewer. Actions not listed are as the viewer's BY_ROLE column.
// biome-ignore format: the table is aligned by hand to be read as a matrix
const VIEWER_IN_PROJECT: Partial<Record<TAction, string>> = {
  //                                  oecv
  'project:update':                  'xx..',
  'project:deploy':                  'xx..',
  'project:share':                   'x...',
  'project_member:add':              'x...',
  'project_member:remove':           'x...',
  'project_member:change_role':      'x...',
  'deployment:rollback':             'xx..',
  'ai:generate':                     'xx..',
  'workflow:create':                 'xx..',
  'workflow:update':                 'xx..',
  'workflow:execute':                'xx..',
  'agent:create':                    'xx..',
  'agent:update':                    'xx..',
  'content:create':                  'xx..',
  'content:update':                  'xx..',
  'content:publish':                 'xx..',
  'comment:create':                  'xxx.',
};

// Scopes are cumulative: an admin key may also write and read.
const API_SCOPES = ['read', 'write', 'admin'] as const;
const SCOPE_LETTER: Record<'r' | 'w' | 'a', TApiKeyScope> = { r: 'read', w: 'write', a: 'admin' };

const cell = (row: string, index: number) => row[index] === 'x';
const byRole = (action: TAction, role: TOrgRole) => cell(BY_ROLE[action][0], ORG_ROLES.indexOf(role));

const actor = (orgRole: TOrgRole, extra: Partial<TActor> = {}): TActor => ({
  userId: ME,
  organizationId: ORG,
  orgRole,
  ...extra,
});
const othersResource: TResource = { organizationId: ORG, ownerId: SOMEONE };
const ownResource: TResource = { organizationId: ORG, ownerId: ME };

const everyRoleAndAction = ORG_ROLES.flatMap((role) => ACTION_NAMES.map((action) => [role, action] as const));

describe('the expected tables', () => {
  it('cover exactly the catalogue', () => {
    expect(Object.keys(BY_ROLE).sort()).toEqual([...ACTION_NAMES].sort());
    const ownerAllowed = ACTION_NAMES.filter((a) => ACTIONS[a].owner).sort();
    expect(Object.keys(AS_OWNER).sort()).toEqual(ownerAllowed);
  });

  it('never give a lower role what a higher role lacks', () => {
    for (const [row] of Object.values(BY_ROLE)) expect(row).toMatch(/^x*\.*$/);
    for (const row of Object.values(AS_OWNER)) expect(row).toMatch(/^x*\.*$/);
  });
});

describe.each([
  ['on someone else’s resource', othersResource],
  ['with no resource (the actor’s organization)', undefined],
])('organization role × action %s', (_label, resource) => {
  it.each(everyRoleAndAction)('%s → %s', (role, action) => {
    expect(can(actor(role), action, resource).allowed).toBe(byRole(action, role));
  });
});

describe('resource-owner rule', () => {
  it.each(everyRoleAndAction)('%s owning the resource → %s', (role, action) => {
    const row = AS_OWNER[action];
    const expected = row ? cell(row, ORG_ROLES.indexOf(role)) : byRole(action, role);
    expect(can(actor(role), action, ownResource).allowed).toBe(expected);
  });

  it('lapses the moment the owner is demoted below the role that creates such resources', () => {
    const workflow: TResource = { organizationId: ORG, ownerId: ME };
    expect(can(actor('developer'), 'workflow:update', workflow).allowed).toBe(true);
    expect(can(actor('designer'), 'workflow:update', workflow)).toEqual({
      allowed: false,
      reason: 'not_permitted',
    });
  });

  it('does not match an empty user id against an empty owner id', () => {
    expect(
      can(actor('designer', { userId: '' }), 'content:delete', { organizationId: ORG, ownerId: '' }).allowed,
    ).toBe(false);
  });
});

describe('project roles through project membership', () => {
  it.each(PROJECT_ROLES_ORDERED.flatMap((p) => ACTION_NAMES.map((a) => [p, a] as const)))(
    'org viewer with project role %s → %s',
    (projectRole: TProjectRole, action) => {
      const row = VIEWER_IN_PROJECT[action];
      const expected = row ? cell(row, PROJECT_ROLES_ORDERED.indexOf(projectRole)) : byRole(action, 'viewer');
      const resource: TResource = { organizationId: ORG, ownerId: SOMEONE, projectId: PROJECT };
      const member = actor('viewer', { projectRoles: { [PROJECT]: projectRole } });
      expect(can(member, action, resource).allowed).toBe(expected);
    },
  );

  it('applies only to the project the membership is for', () => {
    const editor = actor('client', { projectRoles: { [PROJECT]: 'editor' } });
    expect(can(editor, 'content:update', { organizationId: ORG, projectId: PROJECT }).allowed).toBe(true);
    expect(can(editor, 'content:update', { organizationId: ORG, projectId: 'project-2' }).allowed).toBe(
      false,
    );
    expect(can(editor, 'content:update', { organizationId: ORG }).allowed).toBe(false);
    expect(can(editor, 'content:update', { organizationId: ORG, projectId: '__proto__' }).allowed).toBe(
      false,
    );
  });
});

describe('per-member overrides only narrow', () => {
  const resource: TResource = { organizationId: ORG, ownerId: SOMEONE, projectId: PROJECT };
  const member = (role: TProjectRole, permissions: Record<string, boolean>) =>
    actor('viewer', { projectRoles: { [PROJECT]: { role, permissions } } });

  it('takes away a flag the role gives', () => {
    const editor = member('editor', { canDeploy: false });
    expect(can(editor, 'project:deploy', resource).allowed).toBe(false);
    expect(can(editor, 'project:update', resource).allowed).toBe(true);
  });

  it('never adds a flag the role lacks', () => {
    const commenter = member('commenter', { canEdit: true, canDeploy: true, canInvite: true });
    expect(can(commenter, 'project:update', resource).allowed).toBe(false);
    expect(can(commenter, 'project:deploy', resource).allowed).toBe(false);
    expect(can(commenter, 'project_member:add', resource).allowed).toBe(false);
    expect(can(commenter, 'comment:create', resource).allowed).toBe(true);
  });

  it('does not narrow what the organization role grants on its own', () => {
    const developer = actor('developer', {
      projectRoles: { [PROJECT]: { role: 'editor', permissions: { canDeploy: false } } },
    });
    expect(can(developer, 'project:deploy', resource).allowed).toBe(true);
  });
});

describe('tenant isolation', () => {
  const foreign: TResource = { organizationId: OTHER_ORG, ownerId: ME, projectId: PROJECT };

  it.each(everyRoleAndAction)('%s is refused %s in another organization', (role, action) => {
    const insider = actor(role, { projectRoles: { [PROJECT]: 'owner' }, apiKeyScopes: ['admin'] });
    expect(can(insider, action, foreign)).toEqual({ allowed: false, reason: 'cross_tenant' });
  });
});

describe('API key scopes', () => {
  it.each(ACTION_NAMES.flatMap((a) => API_SCOPES.map((s) => [s, a] as const)))(
    'an owner’s %s key → %s (on a resource they own, so every role rule holds)',
    (scope, action) => {
      const needed = SCOPE_LETTER[BY_ROLE[action][1]];
      const enough = API_SCOPES.indexOf(scope) >= API_SCOPES.indexOf(needed);
      const result = can(actor('owner', { apiKeyScopes: [scope] }), action, ownResource);
      expect(result).toEqual(enough ? { allowed: true } : { allowed: false, reason: 'insufficient_scope' });
    },
  );

  it('a read key cannot write, even on what its creator owns', () => {
    const key = actor('owner', { apiKeyScopes: ['read'] });
    expect(can(key, 'project:read', ownResource).allowed).toBe(true);
    expect(can(key, 'project:update', ownResource)).toEqual({ allowed: false, reason: 'insufficient_scope' });
  });

  it.each(everyRoleAndAction)('an admin key never exceeds its creator: %s → %s', (role, action) => {
    expect(can(actor(role, { apiKeyScopes: ['admin'] }), action, othersResource).allowed).toBe(
      byRole(action, role),
    );
  });

  it('a key with no scopes can do nothing', () => {
    for (const action of ACTION_NAMES)
      expect(can(actor('owner', { apiKeyScopes: [] }), action).allowed).toBe(false);
  });
});

describe('owner-only actions', () => {
  const OWNER_ONLY: TAction[] = [
    'organization:delete',
    'organization:transfer_ownership',
    'organization:manage_billing',
  ];

  it.each(OWNER_ONLY)('%s stays with the owner whatever else the actor holds', (action) => {
    for (const role of ORG_ROLES.filter((r) => r !== 'owner')) {
      const strong = actor(role, { projectRoles: { [PROJECT]: 'owner' }, apiKeyScopes: ['admin'] });
      expect(can(strong, action, { organizationId: ORG, ownerId: ME, projectId: PROJECT }).allowed).toBe(
        false,
      );
    }
    expect(can(actor('owner'), action).allowed).toBe(true);
  });
});

describe('unknown actions', () => {
  it.each(['project:launch', '__proto__', 'toString', ''])('%j is denied', (name) => {
    expect(isAction(name)).toBe(false);
    expect(can(actor('owner'), name as TAction)).toEqual({ allowed: false, reason: 'unknown_action' });
  });
});
