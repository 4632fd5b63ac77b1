import { z } from '@hono/zod-openapi';
import { INVITABLE_PROJECT_ROLES } from '../../identity/index.ts';

export const ZProjectIdParamsSchema = z.object({ projectId: z.uuid() });

const ZParticipantSchema = z.object({
  userId: z.string(),
  name: z.string(),
  color: z.string(),
  cursor: z.record(z.string(), z.unknown()).optional(),
  activeFile: z.string().optional(),
});

export const ZJoinSessionResponseSchema = z
  .object({
    sessionId: z.string().openapi({ description: 'The project room document name, `project:<projectId>`' }),
    websocketUrl: z
      .string()
      .openapi({ description: 'The collaboration endpoint (ws: or wss: per PUBLIC_URL)' }),
    token: z.string().openapi({
      description:
        'A short-lived access JWT for the collaboration endpoint: pass it as the Hocuspocus/Yjs token. ' +
        'It is checked when a document is opened; reconnecting after it expires needs a new join.',
    }),
    expiresIn: z.number().int(),
    readOnly: z.boolean().openapi({ description: 'True when the caller may read but not edit the project' }),
    participants: z.array(ZParticipantSchema),
  })
  .openapi('CollaborationSession');

export const ZCreateInviteBodySchema = z
  .object({
    projectId: z.uuid(),
    email: z.email().max(320),
    role: z.enum(INVITABLE_PROJECT_ROLES),
  })
  .strict()
  .openapi('CreateCollaborationInvite');

export const ZInviteSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    email: z.string(),
    role: z.enum(INVITABLE_PROJECT_ROLES),
    expiresAt: z.string(),
  })
  .openapi('CollaborationInvite');

export const ZAcceptInviteBodySchema = z.object({ token: z.string().min(1).max(200) }).strict();

export const ZAcceptedInviteSchema = z
  .object({ organizationId: z.uuid(), projectId: z.uuid(), role: z.enum(INVITABLE_PROJECT_ROLES) })
  .openapi('AcceptedCollaborationInvite');
