import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Keyring } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import { errorResponses, json, type TAppEnv } from '../../../platform/http/index.ts';
import type { Mailer } from '../../../platform/mail/index.ts';
import {
  acceptInvitation,
  createProjectInvitation,
  type Identity,
  type TRouters,
} from '../../identity/index.ts';
import type { TParticipant } from '../presence/awareness-state.ts';
import { joinSession } from './join-session.ts';
import {
  ZAcceptedInviteSchema,
  ZAcceptInviteBodySchema,
  ZCreateInviteBodySchema,
  ZInviteSchema,
  ZJoinSessionResponseSchema,
  ZProjectIdParamsSchema,
} from './schemas.ts';

const join = createRoute({
  method: 'post',
  path: '/collaboration/sessions/{projectId}/join',
  tags: ['collaboration'],
  summary: 'Join a project’s collaboration session: where to connect, a short-lived token, who is there',
  'x-permission': 'project:read',
  request: { params: ZProjectIdParamsSchema },
  responses: {
    200: { description: 'The session', ...json(ZJoinSessionResponseSchema) },
    ...errorResponses([400, 401, 403, 404]),
  },
});

const invite = createRoute({
  method: 'post',
  path: '/collaboration/invites',
  tags: ['collaboration'],
  summary: 'Invite an email address to collaborate on a project; the link (valid 7 days) goes by mail only',
  'x-permission': 'project:share',
  request: { body: { required: true, ...json(ZCreateInviteBodySchema) } },
  responses: {
    201: { description: 'Invited', ...json(ZInviteSchema) },
    ...errorResponses([400, 401, 403, 404, 409, 429]),
  },
});

const accept = createRoute({
  method: 'post',
  path: '/collaboration/invites/accept',
  tags: ['collaboration'],
  summary: 'Accept a collaboration invitation as the signed-in user (whose email it must be addressed to)',
  'x-permission': 'authenticated',
  request: { body: { required: true, ...json(ZAcceptInviteBodySchema) } },
  responses: {
    200: { description: 'Now a member of the project', ...json(ZAcceptedInviteSchema) },
    ...errorResponses([400, 401, 404, 409, 429]),
  },
});

export type TCollaborationRouteDeps = {
  routers: TRouters;
  db: Database;
  events: EventBus;
  keyring: Keyring;
  mailer: Mailer;
  publicUrl: string;
  /** The instance's plan limits: an invitation that would take a seat is checked against them. */
  planLimits?: Identity['planLimits'] | undefined;
  /** Who is in a project's session now (see participantsOfProject). */
  participantsOf: (projectId: string) => TParticipant[] | Promise<TParticipant[]>;
};

/** The collaboration HTTP routes (SPEC §8); the documents themselves are on the WebSocket endpoint. */
export function collaborationRoutes(deps: TCollaborationRouteDeps): OpenAPIHono<TAppEnv> {
  const { db, events, keyring, mailer, publicUrl, planLimits, routers } = deps;
  const member = routers
    .member()
    .openapi(join, async (c) => {
      const { projectId } = c.req.valid('param');
      const actor = c.get('actor');
      const session = await joinSession({
        db,
        keyring,
        publicUrl,
        actor,
        projectId,
        participantsOf: deps.participantsOf,
      });
      return c.json(session, 200);
    })
    .openapi(invite, async (c) => {
      const input = c.req.valid('json');
      const created = await createProjectInvitation({
        events,
        planLimits,
        mailer,
        publicUrl,
        actor: c.get('actor'),
        input,
      });
      return c.json(created, 201);
    });
  const user = routers.user().openapi(accept, async (c) => {
    // Accepting may join a new organization: the one the caller currently acts in does not matter.
    const { token } = c.req.valid('json');
    const accepted = await acceptInvitation({
      events,
      planLimits,
      userId: c.get('user').id,
      token,
      only: 'project',
    });
    if (!accepted.project) throw new Error('a project invitation was accepted without its project');
    const { projectId, role } = accepted.project;
    return c.json({ organizationId: accepted.organizationId, projectId, role }, 200);
  });
  return routers.public().route('/', member).route('/', user);
}
