import type { OpenAPIHono } from '@hono/zod-openapi';
import type { TAppEnv } from '../../../../platform/http/index.ts';
import type { TOrganizationRoutesDeps } from './common.ts';
import { addInvitationRoutes } from './invitation-routes.ts';
import { addMemberRoutes } from './member-routes.ts';
import { addOrganizationRoutes } from './organization-routes.ts';

export type { TOrganizationRoutesDeps } from './common.ts';

/**
 * Organizations, members and invitations under /api/v1: routes for any signed-in user (create, list mine,
 * accept an invitation) and routes for members, each guarded by its own declaration.
 */
export function organizationRoutes(deps: TOrganizationRoutesDeps): OpenAPIHono<TAppEnv> {
  const user = deps.routers.user();
  const member = deps.routers.member();
  addOrganizationRoutes({ user, member }, deps);
  addMemberRoutes(member, deps);
  addInvitationRoutes({ user, member }, deps);
  return deps.routers.public().route('/', user).route('/', member);
}
