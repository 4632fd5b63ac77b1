import { describe, expect, it } from 'vitest';
import { projectPermissions } from './project-permissions.ts';

describe('projectPermissions', () => {
  it.each([
    ['owner', { canEdit: true, canComment: true, canDeploy: true, canInvite: true }],
    ['editor', { canEdit: true, canComment: true, canDeploy: true, canInvite: false }],
    ['commenter', { canEdit: false, canComment: true, canDeploy: false, canInvite: false }],
    ['viewer', { canEdit: false, canComment: false, canDeploy: false, canInvite: false }],
  ] as const)('%s gives %o', (role, expected) => {
    expect(projectPermissions(role)).toEqual(expected);
  });

  it('narrows with false and ignores true beyond the role', () => {
    expect(projectPermissions('editor', { canDeploy: false, canInvite: true })).toEqual({
      canEdit: true,
      canComment: true,
      canDeploy: false,
      canInvite: false,
    });
  });

  it('ignores unknown keys and fails closed on malformed values', () => {
    const stored = JSON.parse('{"canEdit":"yes","canComment":null,"superpowers":true}') as Record<
      string,
      boolean
    >;
    expect(projectPermissions('owner', stored)).toEqual({
      canEdit: false,
      canComment: true,
      canDeploy: true,
      canInvite: true,
    });
  });
});
