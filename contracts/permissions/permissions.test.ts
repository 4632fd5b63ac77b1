import { describe, expect, it } from 'vitest';
import { ACTION_NAMES, ACTIONS, isAction, OWNERSHIP_NEEDS, resourceKindOf } from './actions.ts';
import { canAssignOrgRole } from './role-changes.ts';
import { API_KEY_SCOPES, ORG_ROLES, orgRoleAtLeast, scopesSatisfy } from './roles.ts';

// What `can` (server) and the web's hints both rely on without checking: these are the catalogue's own rules,
// the server's can.test.ts covers the decisions made from it.

describe('the action catalogue', () => {
  it('names every action `<resource kind>:<verb>`', () => {
    for (const action of ACTION_NAMES) {
      expect(action).toMatch(/^[a-z_]+:[a-z_]+$/);
      expect(isAction(action)).toBe(true);
      expect(action.startsWith(`${resourceKindOf(action)}:`)).toBe(true);
    }
  });

  it('gives every owner rule the action its ownership lasts on, or the owner rule would never apply', () => {
    for (const action of ACTION_NAMES.filter((a) => ACTIONS[a].owner)) {
      const needed = OWNERSHIP_NEEDS[resourceKindOf(action)];
      expect(needed, action).toBeDefined();
      if (needed) expect(needed.endsWith(':create'), action).toBe(true);
    }
  });

  it('does not take inherited names for actions', () => {
    for (const name of ['__proto__', 'toString', 'constructor', 'hasOwnProperty', '']) {
      expect(isAction(name)).toBe(false);
    }
  });
});

describe('roles and scopes', () => {
  it('rank organization roles from owner down to viewer', () => {
    expect(ORG_ROLES[0]).toBe('owner');
    expect(ORG_ROLES.at(-1)).toBe('viewer');
    for (const [i, higher] of ORG_ROLES.entries()) {
      for (const [j, lower] of ORG_ROLES.entries()) expect(orgRoleAtLeast(higher, lower)).toBe(i <= j);
    }
  });

  it('make scopes cumulative: a key satisfies what any scope below its own needs', () => {
    for (const [i, held] of API_KEY_SCOPES.entries()) {
      for (const [j, needed] of API_KEY_SCOPES.entries()) expect(scopesSatisfy([held], needed)).toBe(i >= j);
    }
    expect(scopesSatisfy([], 'read')).toBe(false);
  });
});

describe('canAssignOrgRole', () => {
  it('only an owner makes or unmakes an owner; nobody assigns above their own role', () => {
    expect(canAssignOrgRole('owner', 'admin', 'owner')).toBe(true);
    expect(canAssignOrgRole('owner', 'owner', 'admin')).toBe(true);
    expect(canAssignOrgRole('admin', 'admin', 'owner')).toBe(false);
    expect(canAssignOrgRole('admin', 'owner', 'viewer')).toBe(false);
    expect(canAssignOrgRole('admin', undefined, 'owner')).toBe(false);
    expect(canAssignOrgRole('admin', 'viewer', 'admin')).toBe(true);
    expect(canAssignOrgRole('admin', undefined, 'developer')).toBe(true);
    expect(canAssignOrgRole('developer', 'viewer', 'designer')).toBe(false);
  });

  it('never lets anyone hand out a role above their own', () => {
    for (const actor of ORG_ROLES) {
      for (const from of [undefined, ...ORG_ROLES]) {
        for (const to of ORG_ROLES) {
          if (canAssignOrgRole(actor, from, to)) expect(orgRoleAtLeast(actor, to)).toBe(true);
        }
      }
    }
  });
});
