import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ORG_ROLES, PROJECT_ROLES_ORDERED } from '../../../contracts/permissions/roles.ts';
import { PLANS } from '../../../contracts/plans.ts';
import { createdAtColumn as createdAt, updatedAtColumn as updatedAt } from '../../platform/db/columns.ts';

/** A person. Unlike the overview, no organization_id: membership lives in organization_members (SPEC §3). */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name'),
    avatarUrl: text('avatar_url'),
    emailVerified: boolean('email_verified').notNull().default(false),
    /**
     * The instance's operator: changes organizations' plans and reads instance internals. The first account
     * becomes one; `flashfusion admin grant|revoke <email>` changes it.
     */
    isInstanceAdmin: boolean('is_instance_admin').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`)],
);

/**
 * Once-only steps of the instance's life. The step `first-admin` is inserted by whoever makes the first
 * account the instance admin; its primary key lets exactly one sign-up do so, even when two race.
 */
export const instanceBootstrap = pgTable('instance_bootstrap', {
  step: text('step').primaryKey(),
  userId: uuid('user_id'),
  doneAt: createdAt(),
});

/**
 * A signed-in browser (better-auth's `session` model). `token` is the opaque value the signed session cookie
 * carries; deleting the row ends the session everywhere at once.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    token: text('token').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    /** The organization this web session acts in; switched by the user (SPEC §3: several memberships). */
    activeOrganizationId: uuid('active_organization_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * A way to sign in as a user (better-auth's `account` model): provider `credential` holds the argon2id password
 * hash; OAuth providers would hold their tokens here.
 */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    scope: text('scope'),
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('accounts_user_idx').on(t.userId),
    uniqueIndex('accounts_provider_account_key').on(t.providerId, t.accountId),
  ],
);

/** Single-use secrets for email verification and password reset (better-auth's `verification` model). */
export const verifications = pgTable(
  'verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)],
);

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  // New organizations get the instance's DEFAULT_PLAN (set explicitly on insert); the column default is the
  // self-hosted one.
  plan: text('plan', { enum: PLANS }).notNull().default('unlimited'),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** The `organization_id` column of a tenant table: required, deleted with its organization. */
export const organizationIdColumn = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

// The permission catalogue (contracts/permissions) owns the role lists; the columns take their enums from it.
export const ORGANIZATION_ROLES = ORG_ROLES;

/** A user's membership of an organization; a user may have several (SPEC §3). */
export const organizationMembers = pgTable(
  'organization_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ORGANIZATION_ROLES }).notNull().default('viewer'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('organization_members_org_user_key').on(t.organizationId, t.userId),
    index('organization_members_user_idx').on(t.userId),
  ],
);

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    description: text('description'),
    type: text('type').notNull(),
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('projects_org_created_idx').on(t.organizationId, t.createdAt)],
);

export const PROJECT_ROLES = PROJECT_ROLES_ORDERED;

export const projectMembers = pgTable(
  'project_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: PROJECT_ROLES }).notNull().default('viewer'),
    permissions: jsonb('permissions').$type<Record<string, boolean>>().notNull().default({}),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
    joinedAt: timestamp('joined_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('project_members_project_user_key').on(t.projectId, t.userId)],
);
