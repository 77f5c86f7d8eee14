ALTER TABLE "summary_revisions" ADD COLUMN "reasons" text[];--> statement-breakpoint
ALTER TABLE "summary_revisions" ADD COLUMN "chars_changed" integer;--> statement-breakpoint
ALTER TABLE "summary_revisions" ADD COLUMN "lines_changed" integer;--> statement-breakpoint
ALTER TABLE "summary_revisions" ADD COLUMN "review_seconds" integer;