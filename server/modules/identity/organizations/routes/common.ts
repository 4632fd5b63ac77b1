import { z } from '@hono/zod-openapi';
import type { TPlan, TPlanLimitsTable } from '../../../../../contracts/plans.ts';
import type { Cache } from '../../../../platform/cache/index.ts';
import type { Database } from '../../../../platform/db/index.ts';
import type { EventBus } from '../../../../platform/events/index.ts';
import { errorResponses, notFound } from '../../../../platform/http/index.ts';
import type { Mailer } from '../../../../platform/mail/index.ts';
import type { TRouters } from '../../access/create-routers.ts';
import type { TActor } from '../../permissions/index.ts';

export type TOrganizationRoutesDeps = {
  routers: TRouters;
  db: Database;
  events: EventBus;
  /** API-key role and plan caches are invalidated through it after membership and plan changes. */
  cache: Cache;
  mailer: Mailer;
  /** The instance's plan limits (env PLAN_LIMITS over the defaults); the defaults when absent. */
  planLimits?: TPlanLimitsTable | undefined;
  /** The plan new organizations get (env DEFAULT_PLAN). */
  defaultPlan: TPlan;
  /** The web app's public origin; invitation links point at `${publicUrl}/invitations/accept`. */
  publicUrl: string;
};

export const TAG = 'organizations';

/** Documented error responses, all in the SPEC envelope. */
export const errors = (...codes: number[]) => errorResponses(codes);

export { jsonBody, jsonResponse as json } from '../../../../platform/http/index.ts';

export const ZOrgIdParamsSchema = z.object({ id: z.uuid() });

/** Routes under /organizations/{id} act only on the actor's organization; any other id is simply not found. */
export function assertOwnOrganization(actor: TActor, id: string): void {
  if (id !== actor.organizationId) throw notFound('Organization');
}
