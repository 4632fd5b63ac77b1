import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listResponseSchema, paginate, ZListQuerySchema } from '../../../../../contracts/pagination.ts';
import type { TIdentityEnv, TUserEnv } from '../../actor.ts';
import { acceptInvitation } from '../invitations/accept-invitation.ts';
import { createInvitation } from '../invitations/create-invitation.ts';
import { ZInvitationViewSchema } from '../invitations/invitation-view.ts';
import { listInvitations } from '../invitations/list-invitations.ts';
import { revokeInvitation } from '../invitations/revoke-invitation.ts';
import { ZCreateInvitationInputSchema, ZOrgRoleSchema } from '../schemas.ts';
import {
  assertOwnOrganization,
  errors,
  json,
  jsonBody,
  TAG,
  type TOrganizationRoutesDeps,
  ZOrgIdParamsSchema,
} from './common.ts';

const create = createRoute({
  method: 'post',
  path: '/organizations/{id}/invitations',
  tags: [TAG],
  summary: 'Invite an email address with a role; the link (valid 7 days) goes by mail only',
  'x-permission': 'invitation:create',
  request: { params: ZOrgIdParamsSchema, body: jsonBody(ZCreateInvitationInputSchema) },
  responses: { 201: json(ZInvitationViewSchema, 'The invitation'), ...errors(400, 401, 403, 404, 409, 429) },
});

const list = createRoute({
  method: 'get',
  path: '/organizations/{id}/invitations',
  tags: [TAG],
  summary: 'Invitations of the current organization, newest first',
  'x-permission': 'invitation:read',
  request: {
    params: ZOrgIdParamsSchema,
    query: ZListQuerySchema.extend({ order: z.enum(['asc', 'desc']).default('desc') }),
  },
  responses: {
    200: json(listResponseSchema(ZInvitationViewSchema), 'Invitations'),
    ...errors(400, 401, 403, 404),
  },
});

const revoke = createRoute({
  method: 'delete',
  path: '/organizations/{id}/invitations/{invitationId}',
  tags: [TAG],
  summary: 'Revoke an invitation',
  'x-permission': 'invitation:revoke',
  request: { params: ZOrgIdParamsSchema.extend({ invitationId: z.uuid() }) },
  responses: { 204: { description: 'Revoked' }, ...errors(400, 401, 403, 404, 409) },
});

const accept = createRoute({
  method: 'post',
  path: '/invitations/accept',
  tags: [TAG],
  summary: 'Accept an invitation as the signed-in user (whose email it must be addressed to)',
  'x-permission': 'authenticated',
  request: { body: jsonBody(z.strictObject({ token: z.string().min(1).max(200) })) },
  responses: {
    200: json(
      z.object({
        organizationId: z.uuid(),
        organizationName: z.string(),
        organizationSlug: z.string(),
        role: ZOrgRoleSchema,
      }),
      'The membership',
    ),
    ...errors(400, 401, 404, 409, 429),
  },
});

/** Adds the invitation routes to `router`. */
export function addInvitationRoutes(
  { user, member }: { user: OpenAPIHono<TUserEnv>; member: OpenAPIHono<TIdentityEnv> },
  deps: TOrganizationRoutesDeps,
) {
  const { db, events, mailer, publicUrl, planLimits } = deps;
  member
    .openapi(create, async (c) => {
      const actor = c.get('actor');
      assertOwnOrganization(actor, c.req.valid('param').id);
      const invitation = await createInvitation({
        events,
        planLimits,
        mailer,
        publicUrl,
        actor,
        input: c.req.valid('json'),
      });
      return c.json(invitation, 201);
    })
    .openapi(list, async (c) => {
      const actor = c.get('actor');
      assertOwnOrganization(actor, c.req.valid('param').id);
      const page = c.req.valid('query');
      const { rows, total } = await listInvitations({ db, actor, page });
      return c.json({ data: rows, pagination: paginate(total, page) }, 200);
    })
    .openapi(revoke, async (c) => {
      const actor = c.get('actor');
      const { id, invitationId } = c.req.valid('param');
      assertOwnOrganization(actor, id);
      await revokeInvitation({ events, actor, invitationId });
      return c.body(null, 204);
    });
  user.openapi(accept, async (c) => {
    // Accepting joins a new organization: the one the caller currently acts in does not matter.
    const { token } = c.req.valid('json');
    const { project: _joined, ...membership } = await acceptInvitation({
      events,
      planLimits,
      userId: c.get('user').id,
      token,
    });
    return c.json(membership, 200);
  });
}
