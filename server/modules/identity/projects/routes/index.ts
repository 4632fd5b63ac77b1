import type { OpenAPIHono } from '@hono/zod-openapi';
import type { TIdentityEnv } from '../../actor.ts';
import { projectMemberRoutes } from './project-member-routes.ts';
import { projectCrudRoutes } from './project-routes.ts';
import type { TProjectRouteDeps } from './shared.ts';

export type { TProjectRouteDeps } from './shared.ts';

/** Every /projects route, to be mounted under /api/v1 behind authentication (`actor` set). */
export function projectRoutes(deps: TProjectRouteDeps): OpenAPIHono<TIdentityEnv> {
  return deps.routers.member().route('/', projectCrudRoutes(deps)).route('/', projectMemberRoutes(deps));
}
