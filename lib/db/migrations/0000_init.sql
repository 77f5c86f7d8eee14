CREATE TYPE "public"."review_status" AS ENUM('unreviewed', 'in_review', 'approved', 'corrected');--> statement-breakpoint
CREATE TYPE "public"."revision_status" AS ENUM('pending', 'applied', 'accepted', 'conflict', 'failed');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('viewer', 'reviewer', 'lead', 'admin');--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"call_id" text NOT NULL,
	"template_key" text,
	"status" "review_status" DEFAULT 'unreviewed' NOT NULL,
	"claimed_by" text,
	"claim_expires_at" timestamp with time zone,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_summary_key" UNIQUE NULLS NOT DISTINCT("provider","call_id","template_key")
);
--> statement-breakpoint
CREATE TABLE "summary_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"call_id" text NOT NULL,
	"template_key" text,
	"revision" integer,
	"author_id" text,
	"base_content" text,
	"base_revision" integer DEFAULT 0 NOT NULL,
	"content" text NOT NULL,
	"status" "revision_status" DEFAULT 'pending' NOT NULL,
	"their_content" text,
	"provider_version" integer,
	"provider_updated_at" timestamp with time zone,
	"provider_updated_by_id" text,
	"provider_updated_by_name" text,
	"outside_writes" integer,
	"error_code" text,
	"error_message" text,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" DEFAULT 'viewer' NOT NULL,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_claimed_by_users_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_revisions" ADD CONSTRAINT "summary_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "summary_revisions_summary_idx" ON "summary_revisions" USING btree ("provider","call_id","id");--> statement-breakpoint
CREATE INDEX "summary_revisions_author_idx" ON "summary_revisions" USING btree ("author_id","created_at");