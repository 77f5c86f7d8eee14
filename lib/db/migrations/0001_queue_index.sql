CREATE TYPE "public"."sync_status" AS ENUM('idle', 'running', 'failed', 'completed');--> statement-breakpoint
CREATE TABLE "calls" (
	"id" serial PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"call_id" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_sec" integer,
	"direction" text NOT NULL,
	"agent_id" text,
	"agent_name" text,
	"counterpart_name" text,
	"counterpart_number" text,
	"has_summary" boolean NOT NULL,
	"review_status" "review_status" DEFAULT 'unreviewed' NOT NULL,
	"search_text" text NOT NULL,
	"last_synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_provider_call_key" UNIQUE("provider","call_id")
);
--> statement-breakpoint
CREATE TABLE "sync_state" (
	"provider" text PRIMARY KEY NOT NULL,
	"status" "sync_status" DEFAULT 'idle' NOT NULL,
	"next_page" integer DEFAULT 1 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"high_water_mark" timestamp with time zone,
	"pass_high_water_mark" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"error_code" text,
	"error_message" text
);
--> statement-breakpoint
CREATE INDEX "calls_started_idx" ON "calls" USING btree ("started_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "calls_provider_started_idx" ON "calls" USING btree ("provider","started_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "calls_status_started_idx" ON "calls" USING btree ("review_status","started_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "calls_agent_idx" ON "calls" USING btree ("agent_name");