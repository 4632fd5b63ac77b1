import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { AppError, errorResponses, json, jsonResponse } from '../../../platform/http/index.ts';
import type { TRouters } from '../access/create-routers.ts';
import { organizationMembers, organizations, sessions, users } from '../schema.ts';

const ZMeSchema = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    emailVerified: z.boolean(),
  }),
  activeOrganizationId: z.uuid().nullable(),
  organizations: z.array(
    z.object({ id: z.uuid(), name: z.string(), slug: z.string(), plan: z.string(), role: z.string() }),
  ),
});

const getMe = createRoute({
  method: 'get',
  path: '/users/me',
  tags: ['users'],
  summary: 'The signed-in user, their organizations and the active one',
  'x-permission': 'authenticated',
  responses: {
    200: jsonResponse(ZMeSchema, 'Me'),
    ...errorResponses([401]),
  },
});

const switchOrg = createRoute({
  method: 'put',
  path: '/users/me/active-organization',
  tags: ['users'],
  summary: 'Switch the organization this web session acts in',
  'x-permission': 'authenticated',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ organizationId: z.uuid() }) } },
    },
  },
  responses: {
    200: jsonResponse(ZMeSchema, 'Switched'),
    ...errorResponses([400, 401, 404]),
  },
});

/** GET /users/me and PUT /users/me/active-organization, for any signed-in user (no organization needed). */
export function meRoutes({ db, routers }: { db: Database; routers: TRouters }) {
  const load = async (userId: string, activeOrganizationId: string | null) => {
    // Owner path: the user's own row and memberships span organizations.
    const [user] = await db.orm
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        avatarUrl: users.avatarUrl,
        emailVerified: users.emailVerified,
      })
      .from(users)
      .where(eq(users.id, userId));
    if (!user) throw new AppError('AUTHENTICATION_FAILED', 'This account no longer exists');
    const orgs = await db.orm
      .select({
        id: organizations.id,
        name: organizations.name,
        slug: organizations.slug,
        plan: organizations.plan,
        role: organizationMembers.role,
      })
      .from(organizationMembers)
      .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
      .where(eq(organizationMembers.userId, userId))
      .orderBy(asc(organizationMembers.createdAt));
    return { user, activeOrganizationId, organizations: orgs };
  };

  return routers
    .user()
    .openapi(getMe, async (c) =>
      c.json(await load(c.get('user').id, c.get('actor')?.organizationId ?? null), 200),
    )
    .openapi(switchOrg, async (c) => {
      const user = c.get('user');
      const { organizationId } = c.req.valid('json');
      const [member] = await db.orm
        .select({ role: organizationMembers.role })
        .from(organizationMembers)
        .where(
          and(
            eq(organizationMembers.userId, user.id),
            eq(organizationMembers.organizationId, organizationId),
          ),
        );
      // Not a member and no such organization look the same: ids of other tenants cannot be probed.
      if (!member) throw new AppError('RESOURCE_NOT_FOUND', 'Organization not found');
      if (!user.sessionId) {
        throw new AppError(
          'VALIDATION_ERROR',
          'Only web sessions switch organizations; tokens are issued per organization',
        );
      }
      await db.orm
        .update(sessions)
        .set({ activeOrganizationId: organizationId })
        .where(eq(sessions.id, user.sessionId));
      return c.json(await load(user.id, organizationId), 200);
    });
}
