import { z } from '@hono/zod-openapi';
import { ZListQuerySchema } from '../../../../contracts/pagination.ts';
import { PROJECT_ROLES } from '../schema.ts';

/**
 * The kinds of project FlashFusion builds. A closed list rather than free text, so `?type=` filters, the web
 * app's icons and the analytics breakdowns all agree on one spelling; `other` covers the rest.
 */
export const PROJECT_TYPES = ['web-app', 'content', 'workflow', 'api', 'other'] as const;
export type TProjectType = (typeof PROJECT_TYPES)[number];

/** Largest `config`, measured as UTF-8 JSON: settings, not content (content lives in its own module). */
export const MAX_CONFIG_BYTES = 64 * 1024;

const ZNameSchema = z.string().trim().min(1).max(200);
const ZDescriptionSchema = z.string().max(5000);
const ZTypeSchema = z.enum(PROJECT_TYPES);
const ZConfigSchema = z
  .record(z.string(), z.unknown())
  .refine((v) => Buffer.byteLength(JSON.stringify(v), 'utf8') <= MAX_CONFIG_BYTES, {
    message: `config must be at most ${MAX_CONFIG_BYTES} bytes of JSON`,
  });

/** Body of POST /projects. Unknown fields are refused, so a typo never silently does nothing. */
export const ZCreateProjectBodySchema = z
  .strictObject({
    name: ZNameSchema,
    description: ZDescriptionSchema.optional(),
    type: ZTypeSchema,
    config: ZConfigSchema.optional(),
  })
  .openapi('CreateProjectBody');
export type TCreateProjectInput = z.infer<typeof ZCreateProjectBodySchema>;

/** Body of PATCH /projects/{id}: any subset, at least one field; `description: null` clears it, `config` replaces. */
export const ZUpdateProjectBodySchema = z
  .strictObject({
    name: ZNameSchema.optional(),
    description: ZDescriptionSchema.nullable().optional(),
    type: ZTypeSchema.optional(),
    config: ZConfigSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' })
  .openapi('UpdateProjectBody');
export type TUpdateProjectInput = z.infer<typeof ZUpdateProjectBodySchema>;

export const ZProjectSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    ownerId: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    type: z.string(),
    config: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Project');
export type TProject = z.infer<typeof ZProjectSchema>;

export const PROJECT_SORT_FIELDS = ['createdAt', 'updatedAt', 'name'] as const;

/** `?limit&offset&sort&order&q&type`; newest first unless asked otherwise. */
export const ZProjectListQuerySchema = ZListQuerySchema.extend({
  sort: z.enum(PROJECT_SORT_FIELDS).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  q: z.string().trim().min(1).max(200).optional(),
  type: ZTypeSchema.optional(),
});
export type TProjectListQuery = z.infer<typeof ZProjectListQuerySchema>;

export const ZProjectRoleSchema = z.enum(PROJECT_ROLES);

/** Per-member overrides (project_members.permissions): they can only take away what the role gives. */
export const ZMemberOverridesSchema = z.strictObject({
  canEdit: z.boolean().optional(),
  canComment: z.boolean().optional(),
  canDeploy: z.boolean().optional(),
  canInvite: z.boolean().optional(),
});

export const ZAddProjectMemberBodySchema = z
  .strictObject({
    userId: z.uuid(),
    role: ZProjectRoleSchema,
    permissions: ZMemberOverridesSchema.optional(),
  })
  .openapi('AddProjectMemberBody');
export type TAddProjectMemberInput = z.infer<typeof ZAddProjectMemberBodySchema>;

/** Body of PATCH /projects/{id}/members/{userId}; `permissions`, when given, replaces the overrides. */
export const ZChangeProjectMemberBodySchema = z
  .strictObject({ role: ZProjectRoleSchema, permissions: ZMemberOverridesSchema.optional() })
  .openapi('ChangeProjectMemberBody');
export type TChangeProjectMemberInput = z.infer<typeof ZChangeProjectMemberBodySchema>;

export const ZProjectMemberSchema = z
  .object({
    projectId: z.uuid(),
    userId: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    role: ZProjectRoleSchema,
    permissions: z.record(z.string(), z.boolean()),
    invitedAt: z.string(),
    joinedAt: z.string().nullable(),
  })
  .openapi('ProjectMember');
export type TProjectMember = z.infer<typeof ZProjectMemberSchema>;

export const ZProjectIdParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});
export const ZProjectMemberParamsSchema = ZProjectIdParamsSchema.extend({
  userId: z.uuid().openapi({ param: { name: 'userId', in: 'path' } }),
});
