CREATE TABLE "instance_bootstrap" (
	"step" text PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ALTER COLUMN "plan" SET DEFAULT 'unlimited';--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "is_instance_admin" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- An instance that already has accounts: its first account becomes the instance admin, as a new instance's
-- first sign-up does, and the once-only step is recorded so no later sign-up takes it.
UPDATE "users" SET "is_instance_admin" = true
WHERE "id" = (SELECT "id" FROM "users" ORDER BY "created_at", "id" LIMIT 1);--> statement-breakpoint
INSERT INTO "instance_bootstrap" ("step", "user_id")
SELECT 'first-admin', "id" FROM "users" WHERE "is_instance_admin" LIMIT 1;
