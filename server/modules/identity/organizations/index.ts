// Organizations, members and invitations: the public face of this part of identity.

export {
  mergePlanLimits,
  PLAN_LIMITS,
  PLANS,
  type TPlan,
  type TPlanLimits,
  type TPlanLimitsOverride,
  type TPlanLimitsTable,
  withinLimit,
  ZPlanLimitsOverrideSchema,
} from '../../../../contracts/plans.ts';
export { createOrganization } from './create-organization.ts';
export * from './events.ts';
export { getOrganization } from './get-organization.ts';
export { acceptInvitation, type TAcceptedInvitation } from './invitations/accept-invitation.ts';
export { createInvitation } from './invitations/create-invitation.ts';
export {
  createProjectInvitation,
  type TProjectInvitationView,
} from './invitations/create-project-invitation.ts';
export { listInvitations } from './invitations/list-invitations.ts';
export {
  INVITABLE_PROJECT_ROLES,
  type TInvitableProjectRole,
} from './invitations/project-invitation-roles.ts';
export { revokeInvitation } from './invitations/revoke-invitation.ts';
export { listMyOrganizations } from './list-my-organizations.ts';
export { changeMemberRole } from './members/change-member-role.ts';
export { leaveOrganization } from './members/leave-organization.ts';
export { listMembers } from './members/list-members.ts';
export { removeMember } from './members/remove-member.ts';
export { transferOwnership } from './members/transfer-ownership.ts';
export { organizationRoutes, type TOrganizationRoutesDeps } from './routes/index.ts';
export { updateOrganization } from './update-organization.ts';
