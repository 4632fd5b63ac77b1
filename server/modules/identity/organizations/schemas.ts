import { z } from 'zod';
import { PLANS } from '../../../../contracts/plans.ts';
import { ORG_ROLES } from '../permissions/index.ts';
import { ZSlugSchema } from './slug.ts';

// Shapes shared by operations and routes. Inputs are strict: an unknown field is a mistake worth a 400.

/** A display name: trimmed, 1–100 characters, no control characters (it ends up in mail subjects). */
export const ZOrganizationNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}]*$/u, 'Name must not contain control characters');

export const ZOrgRoleSchema = z.enum(ORG_ROLES);

export const ZOrganizationSettingsSchema = z.strictObject({
  allowGuestAccess: z.boolean().optional(),
  dataRetentionDays: z.number().int().min(1).max(3650).optional(),
  featureFlags: z
    .record(
      z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'Flag names: 1–64 of A-Z a-z 0-9 _ . : -'),
      z.boolean(),
    )
    .refine((flags) => Object.keys(flags).length <= 100, 'At most 100 feature flags')
    .optional(),
});
export type TOrganizationSettings = z.infer<typeof ZOrganizationSettingsSchema>;

export const ZCreateOrganizationInputSchema = z.strictObject({
  name: ZOrganizationNameSchema,
  slug: ZSlugSchema.optional(),
});
export type TCreateOrganizationInput = z.infer<typeof ZCreateOrganizationInputSchema>;

export const ZUpdateOrganizationInputSchema = z
  .strictObject({
    name: ZOrganizationNameSchema.optional(),
    slug: ZSlugSchema.optional(),
    plan: z.enum(PLANS).optional(),
    settings: ZOrganizationSettingsSchema.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'Give at least one field to change');
export type TUpdateOrganizationInput = z.infer<typeof ZUpdateOrganizationInputSchema>;

export const ZCreateInvitationInputSchema = z.strictObject({
  email: z.email().max(254),
  role: ZOrgRoleSchema,
});
export type TCreateInvitationInput = z.infer<typeof ZCreateInvitationInputSchema>;
