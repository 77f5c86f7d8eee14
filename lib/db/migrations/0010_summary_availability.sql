-- Where each call's summary stands, instead of a yes/no guess: Quo's and Bland's lists cannot tell, so a call
-- they list stays "unchecked" until a read says; only "ready" calls are offered for review.
ALTER TABLE "calls" ADD COLUMN "summary_status" text DEFAULT 'unchecked' NOT NULL;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "transcript_status" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "summary_checked_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "calls_not_ready_idx" ON "calls" USING btree ("started_at") WHERE "calls"."summary_status" <> 'ready';;--> statement-breakpoint
UPDATE "calls" SET "summary_status" = CASE
  WHEN NOT "has_summary" THEN 'absent'
  WHEN "provider" IN ('openphone', 'bland') AND "summary_text" IS NULL THEN 'unchecked'
  ELSE 'ready' END;