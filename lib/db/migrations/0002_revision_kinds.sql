CREATE TYPE "public"."revision_kind" AS ENUM('original', 'outside', 'edit', 'merge', 'overwrite', 'restore');--> statement-breakpoint
ALTER TYPE "public"."revision_status" ADD VALUE 'observed';--> statement-breakpoint
ALTER TABLE "summary_revisions" ADD COLUMN "kind" "revision_kind" DEFAULT 'edit' NOT NULL;