import { z } from 'zod';
import { defineEvent } from '../../../platform/events/index.ts';
import { PROJECT_ROLES } from '../schema.ts';

// Every project event is emitted with aggregateId = projectId, the organization and the acting user, so the
// audit trail (domain_events) answers "who did what to which project" without reading the payload.

/** A project was made. Its payload is the `data` of the outgoing `project.created` webhook (SPEC §2). */
export const ProjectCreated = defineEvent(
  'project.created',
  z.object({ projectId: z.uuid(), name: z.string(), type: z.string(), ownerId: z.uuid() }),
);

/** Fields changed by a PATCH (names only: config and descriptions may be large or sensitive). */
export const ProjectUpdated = defineEvent(
  'project.updated',
  z.object({ projectId: z.uuid(), changed: z.array(z.string()) }),
);

export const ProjectDeleted = defineEvent(
  'project.deleted',
  z.object({ projectId: z.uuid(), name: z.string() }),
);

const ZRole = z.enum(PROJECT_ROLES);

export const ProjectMemberAdded = defineEvent(
  'project.member_added',
  z.object({ projectId: z.uuid(), memberUserId: z.uuid(), role: ZRole }),
);

export const ProjectMemberRemoved = defineEvent(
  'project.member_removed',
  z.object({ projectId: z.uuid(), memberUserId: z.uuid(), role: ZRole }),
);

export const ProjectMemberRoleChanged = defineEvent(
  'project.member_role_changed',
  z.object({
    projectId: z.uuid(),
    memberUserId: z.uuid(),
    from: ZRole,
    to: ZRole,
    permissions: z.record(z.string(), z.boolean()),
  }),
);
