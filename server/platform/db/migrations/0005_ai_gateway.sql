CREATE TABLE "ai_budget_reservations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"month" date NOT NULL,
	"tokens" bigint NOT NULL,
	"cost" numeric(18, 8) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_budget_usage" (
	"organization_id" uuid NOT NULL,
	"month" date NOT NULL,
	"tokens_used" bigint DEFAULT 0 NOT NULL,
	"cost_used" numeric(18, 8) DEFAULT '0' NOT NULL,
	"tokens_reserved" bigint DEFAULT 0 NOT NULL,
	"cost_reserved" numeric(18, 8) DEFAULT '0' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_budget_usage_organization_id_month_pk" PRIMARY KEY("organization_id","month")
);
--> statement-breakpoint
CREATE TABLE "ai_budgets" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"monthly_token_limit" bigint,
	"monthly_cost_limit" numeric(18, 8),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"provider_kind" text NOT NULL,
	"provider_id" uuid,
	"model" text NOT NULL,
	"display_name" text NOT NULL,
	"description" text,
	"capabilities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"context_window" integer NOT NULL,
	"input_price_per_1k" numeric(18, 8) DEFAULT '0' NOT NULL,
	"output_price_per_1k" numeric(18, 8) DEFAULT '0' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_models_identity_key" UNIQUE NULLS NOT DISTINCT("organization_id","provider_kind","provider_id","model")
);
--> statement-breakpoint
CREATE TABLE "ai_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"base_url" text,
	"api_key_sealed" text,
	"api_key_hint" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_providers_org_name_key" UNIQUE("organization_id","name")
);
--> statement-breakpoint
CREATE TABLE "ai_routes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"strategy" text NOT NULL,
	"targets" jsonb NOT NULL,
	"fallback" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"timeout_ms" integer DEFAULT 30000 NOT NULL,
	"max_retries" integer DEFAULT 2 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_routes_org_name_key" UNIQUE("organization_id","name")
);
--> statement-breakpoint
ALTER TABLE "ai_generations" ALTER COLUMN "cost" SET DATA TYPE numeric(18, 8);--> statement-breakpoint
ALTER TABLE "ai_generations" ALTER COLUMN "cost" SET DEFAULT '0';--> statement-breakpoint
ALTER TABLE "ai_generations" ADD COLUMN "provider_kind" text;--> statement-breakpoint
ALTER TABLE "ai_generations" ADD COLUMN "target" text;--> statement-breakpoint
ALTER TABLE "ai_generations" ADD COLUMN "attempts" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "ai_budget_reservations" ADD CONSTRAINT "ai_budget_reservations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_budget_usage" ADD CONSTRAINT "ai_budget_usage_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_budgets" ADD CONSTRAINT "ai_budgets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_models" ADD CONSTRAINT "ai_models_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_models" ADD CONSTRAINT "ai_models_provider_id_ai_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."ai_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_providers" ADD CONSTRAINT "ai_providers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_providers" ADD CONSTRAINT "ai_providers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_routes" ADD CONSTRAINT "ai_routes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_routes" ADD CONSTRAINT "ai_routes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ai_budget_reservations_expires_idx" ON "ai_budget_reservations" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "ai_generations_org_model_created_idx" ON "ai_generations" USING btree ("organization_id","model","created_at");--> statement-breakpoint
-- Row-level security for the AI tables, as 0004_tenant_rls.sql explains: ENABLE + FORCE, tenant_isolation for
-- ff_app (withTenant) and platform_owner for the migrating role (migrations, the budget sweep, lookups).
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'ai_providers', 'ai_models', 'ai_routes', 'ai_budgets', 'ai_budget_usage', 'ai_budget_reservations'
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
-- The catalogue's instance rows (organization_id null) are shared by every tenant: readable in a tenant
-- transaction, but not writable there (UPDATE/DELETE/INSERT still need tenant_isolation, which null fails).
CREATE POLICY catalogue_instance_read ON "ai_models" AS PERMISSIVE FOR SELECT TO ff_app
  USING ("organization_id" IS NULL);
--> statement-breakpoint
-- AI usage roll-ups are upserted into hourly buckets per organization, metric and model, so concurrent calls
-- add up in one row instead of racing to create it. Partial: other modules' metrics keep their own shape.
CREATE UNIQUE INDEX "usage_metrics_ai_bucket_key" ON "usage_metrics"
  ("organization_id", "metric_type", "recorded_at", (("metadata" ->> 'model')))
  WHERE "metric_type" LIKE 'ai.%';
--> statement-breakpoint
-- The instance catalogue: list prices in US dollars per 1 000 tokens as published by OpenAI and Anthropic.
-- ON CONFLICT DO NOTHING: an operator's later edits of a seeded row survive re-running this migration's seed.
INSERT INTO "ai_models"
  ("provider_kind", "model", "display_name", "description", "capabilities", "context_window",
   "input_price_per_1k", "output_price_per_1k", "status")
VALUES
  ('local', 'local', 'Local (built-in, deterministic)',
   'FlashFusion''s built-in deterministic offline model. Not a language model: it answers from rules, '
   'echoes and fills requested JSON schemas, calls requested tools, so every feature works with no key '
   'and no network. Free.',
   '["text","json","tools","code"]', 32768, 0, 0, 'active'),
  ('openai', 'gpt-4o', 'GPT-4o', 'OpenAI multimodal flagship.',
   '["text","code","json","tools","vision"]', 128000, 0.0025, 0.01, 'active'),
  ('openai', 'gpt-4o-mini', 'GPT-4o mini', 'OpenAI small, fast, inexpensive model.',
   '["text","code","json","tools","vision"]', 128000, 0.00015, 0.0006, 'active'),
  ('openai', 'gpt-4.1', 'GPT-4.1', 'OpenAI model for coding and long context.',
   '["text","code","json","tools","vision"]', 1047576, 0.002, 0.008, 'active'),
  ('openai', 'gpt-4.1-mini', 'GPT-4.1 mini', 'OpenAI mid-size GPT-4.1.',
   '["text","code","json","tools","vision"]', 1047576, 0.0004, 0.0016, 'active'),
  ('openai', 'gpt-4.1-nano', 'GPT-4.1 nano', 'OpenAI smallest GPT-4.1.',
   '["text","code","json","tools","vision"]', 1047576, 0.0001, 0.0004, 'active'),
  ('openai', 'o3', 'o3', 'OpenAI reasoning model.',
   '["text","code","json","tools","vision"]', 200000, 0.002, 0.008, 'active'),
  ('openai', 'o4-mini', 'o4-mini', 'OpenAI small reasoning model.',
   '["text","code","json","tools","vision"]', 200000, 0.0011, 0.0044, 'active'),
  ('openai', 'text-embedding-3-small', 'text-embedding-3-small', 'OpenAI embeddings (1536 dimensions).',
   '["embeddings"]', 8191, 0.00002, 0, 'active'),
  ('anthropic', 'claude-opus-4-1-20250805', 'Claude Opus 4.1', 'Anthropic most capable model.',
   '["text","code","json","tools","vision"]', 200000, 0.015, 0.075, 'active'),
  ('anthropic', 'claude-opus-4-20250514', 'Claude Opus 4', 'Anthropic Opus 4.',
   '["text","code","json","tools","vision"]', 200000, 0.015, 0.075, 'active'),
  ('anthropic', 'claude-sonnet-4-5-20250929', 'Claude Sonnet 4.5', 'Anthropic balanced model.',
   '["text","code","json","tools","vision"]', 200000, 0.003, 0.015, 'active'),
  ('anthropic', 'claude-sonnet-4-20250514', 'Claude Sonnet 4', 'Anthropic Sonnet 4.',
   '["text","code","json","tools","vision"]', 200000, 0.003, 0.015, 'active'),
  ('anthropic', 'claude-haiku-4-5-20251001', 'Claude Haiku 4.5', 'Anthropic fast model.',
   '["text","code","json","tools","vision"]', 200000, 0.001, 0.005, 'active'),
  ('anthropic', 'claude-3-5-haiku-20241022', 'Claude Haiku 3.5', 'Anthropic previous fast model.',
   '["text","code","json","tools"]', 200000, 0.0008, 0.004, 'deprecated')
ON CONFLICT DO NOTHING;
