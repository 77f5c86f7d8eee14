ALTER TYPE "public"."revision_kind" ADD VALUE 'approve';--> statement-breakpoint
ALTER TYPE "public"."revision_status" ADD VALUE 'unknown';--> statement-breakpoint
DROP INDEX "summary_revisions_summary_idx";--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "target_id" text;--> statement-breakpoint
-- Until now every provider's journal was keyed by the call: for all but Bland the call is the target.
ALTER TABLE "summary_revisions" ADD COLUMN "target_id" text;--> statement-breakpoint
UPDATE "summary_revisions" SET "target_id" = "call_id";--> statement-breakpoint
ALTER TABLE "summary_revisions" ALTER COLUMN "target_id" SET NOT NULL;--> statement-breakpoint
UPDATE "calls" SET "target_id" = "call_id" WHERE "provider" <> 'bland';--> statement-breakpoint
-- Simultaneous first opens could journal the AI original twice: keep the first.
DELETE FROM "summary_revisions" AS later USING "summary_revisions" AS first
  WHERE later."kind" = 'original' AND first."kind" = 'original'
  AND later."provider" = first."provider" AND later."target_id" = first."target_id" AND later."id" > first."id";--> statement-breakpoint
CREATE INDEX "calls_target_idx" ON "calls" USING btree ("provider","target_id");--> statement-breakpoint
CREATE INDEX "summary_revisions_target_idx" ON "summary_revisions" USING btree ("provider","target_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "summary_revisions_original_key" ON "summary_revisions" USING btree ("provider","target_id") WHERE "summary_revisions"."kind" = 'original';--> statement-breakpoint
-- Not a partial index: enum values added by migrations that run in the same transaction cannot appear in its predicate.
CREATE INDEX "summary_revisions_status_idx" ON "summary_revisions" USING btree ("status","created_at");
