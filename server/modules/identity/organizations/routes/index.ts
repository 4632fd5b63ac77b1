import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRouter } from '../../../../platform/http/index.ts';
import type { TIdentityEnv } from '../../actor.ts';
import type { TOrganizationRoutesDeps } from './common.ts';
import { addInvitationRoutes } from './invitation-routes.ts';
import { addMemberRoutes } from './member-routes.ts';
import { addOrganizationRoutes } from './organization-routes.ts';

export type { TOrganizationRoutesDeps } from './common.ts';

/**
 * Organizations, members and invitations under /api/v1 (mount after authentication: every route reads
 * `actor`). One router, so all of them land in the OpenAPI document.
 */
export function organizationRoutes(deps: TOrganizationRoutesDeps): OpenAPIHono<TIdentityEnv> {
  const router = createRouter<TIdentityEnv>();
  addOrganizationRoutes(router, deps);
  addMemberRoutes(router, deps);
  addInvitationRoutes(router, deps);
  return router;
}
