import { z } from 'zod';
import { PLANS } from '../../../../contracts/plans.ts';
import type { TOrgRole } from '../permissions/index.ts';
import type { TOrganizationRow } from './locking.ts';
import { ZOrganizationSettingsSchema, ZOrgRoleSchema } from './schemas.ts';

/** An organization as the API shows it, with the caller's role in it. */
export const ZOrganizationViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  plan: z.enum(PLANS),
  settings: ZOrganizationSettingsSchema.loose(),
  role: ZOrgRoleSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TOrganizationView = z.infer<typeof ZOrganizationViewSchema>;

export function toOrganizationView(org: TOrganizationRow, role: TOrgRole): TOrganizationView {
  return {
    id: org.id,
    name: org.name,
    slug: org.slug,
    plan: org.plan,
    settings: org.settings as TOrganizationView['settings'],
    role,
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
  };
}
