-- Row-level security for tenant tables (issue 3 part 6). Besides every query being scoped in code, tenant
-- tables refuse rows of other organizations at the database, so a forgotten WHERE clause cannot leak data.
--
-- * Role ff_app (NOLOGIN, not superuser, no BYPASSRLS): tenant work runs as it, through withTenant()
--   (server/platform/db/tenant/), which opens a transaction, `SET LOCAL ROLE ff_app` and sets
--   app.organization_id for that transaction only.
-- * Policies "tenant_isolation" (TO ff_app): a row is visible, and may be written, only when its organization
--   is app.organization_id. An unset or empty setting matches nothing: ff_app without a tenant sees no row
--   of any tenant table (fail closed).
-- * Nullable organization_id (domain_events, usage_metrics, mail_outbox, user_achievements): NULL marks an
--   instance-level row (a signup mail, a system event). It never equals the setting, so tenant transactions
--   neither see nor write such rows, and ff_app with no tenant set sees nothing either. Instance-level rows
--   belong to the platform path below; a password-reset mail must not become readable by "no tenant".
-- * Policies "platform_owner" (TO the role running this migration: flashfusion on PostgreSQL, the PGlite
--   superuser): everything, as before. This is the platform's own path (migrations, jobs, lookups that
--   discover the tenant: API key or refresh token by hash, invitation by token). FORCE makes the owner go
--   through policies too, so what the owner may do is written down here instead of an implicit bypass.
--   Superusers skip RLS regardless. Foreign-key checks and cascades are not filtered by RLS.
-- * user_achievements has an organization_id column although the brief's list omitted it: it gets the same
--   policy so that "every table with organization_id has RLS" holds (tenant-rls.test.ts checks it).
-- * Tables without a tenant (users, sessions, accounts, verifications, signing_keys, drizzle's and pg-boss's)
--   have no RLS; ff_app gets plain privileges on them (read-only on drizzle's migration history).
-- * A NEW tenant table needs its own ENABLE/FORCE + policies in its migration: default privileges give ff_app
--   access to future tables, which without a policy would mean every row.

-- ff_app is cluster-wide on PostgreSQL: another database (a concurrent test database) may create it at the
-- same moment, hence the re-check after an error. Without CREATEROLE, a DBA can create it beforehand.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ff_app') THEN
    BEGIN
      CREATE ROLE ff_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
    EXCEPTION WHEN OTHERS THEN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ff_app') THEN
        RAISE EXCEPTION 'cannot create role ff_app (%): give the migrating role CREATEROLE, or run CREATE ROLE ff_app NOLOGIN and GRANT ff_app TO %', SQLERRM, current_user;
      END IF;
    END;
  END IF;
END $$;
--> statement-breakpoint
-- SET ROLE ff_app needs membership, except for a superuser (PGlite). PostgreSQL 16+ tells SET apart.
DO $$
DECLARE
  can_set boolean;
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    RETURN;
  END IF;
  IF current_setting('server_version_num')::int >= 160000 THEN
    can_set := pg_has_role(current_user, 'ff_app', 'SET');
  ELSE
    can_set := pg_has_role(current_user, 'ff_app', 'MEMBER');
  END IF;
  IF NOT can_set THEN
    BEGIN
      GRANT ff_app TO CURRENT_USER;
    EXCEPTION WHEN OTHERS THEN
      IF NOT pg_has_role(current_user, 'ff_app', 'MEMBER') THEN
        RAISE;
      END IF;
    END;
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO ff_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ff_app;
--> statement-breakpoint
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ff_app;
--> statement-breakpoint
-- Future objects made by the migrating role, in any schema (pg-boss installs its schema at first start).
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO ff_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ff_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ff_app;
--> statement-breakpoint
-- Schemas that already exist: drizzle's history (read-only), pg-boss's when it was installed before.
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'drizzle') THEN
    GRANT USAGE ON SCHEMA drizzle TO ff_app;
    GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO ff_app;
  END IF;
  IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'pgboss') THEN
    GRANT USAGE ON SCHEMA pgboss TO ff_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ff_app;
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA pgboss TO ff_app;
  END IF;
END $$;
--> statement-breakpoint
-- Tables carrying organization_id directly.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'projects', 'organization_members', 'ai_generations', 'content_items', 'usage_metrics', 'api_keys',
    'invitations', 'refresh_tokens', 'organization_keys', 'domain_events', 'mail_outbox', 'user_achievements'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      $p$CREATE POLICY tenant_isolation ON %I AS PERMISSIVE FOR ALL TO ff_app
        USING (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)
        WITH CHECK (organization_id = nullif(current_setting('app.organization_id', true), '')::uuid)$p$,
      t);
    EXECUTE format(
      'CREATE POLICY platform_owner ON %I AS PERMISSIVE FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true)',
      t);
  END LOOP;
END $$;
--> statement-breakpoint
-- organizations: the tenant itself.
ALTER TABLE "organizations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "organizations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "organizations" AS PERMISSIVE FOR ALL TO ff_app
  USING ("id" = nullif(current_setting('app.organization_id', true), '')::uuid)
  WITH CHECK ("id" = nullif(current_setting('app.organization_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_owner ON "organizations" AS PERMISSIVE FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- project_members: through its project's organization.
ALTER TABLE "project_members" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "project_members" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "project_members" AS PERMISSIVE FOR ALL TO ff_app
  USING (EXISTS (
    SELECT 1 FROM "projects" p
    WHERE p."id" = "project_members"."project_id"
      AND p."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid))
  WITH CHECK (EXISTS (
    SELECT 1 FROM "projects" p
    WHERE p."id" = "project_members"."project_id"
      AND p."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid));
--> statement-breakpoint
CREATE POLICY platform_owner ON "project_members" AS PERMISSIVE FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
