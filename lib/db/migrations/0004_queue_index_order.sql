DROP INDEX "calls_started_idx";--> statement-breakpoint
DROP INDEX "calls_provider_started_idx";--> statement-breakpoint
DROP INDEX "calls_status_started_idx";--> statement-breakpoint
CREATE INDEX "calls_started_idx" ON "calls" USING btree ("started_at","id");--> statement-breakpoint
CREATE INDEX "calls_provider_started_idx" ON "calls" USING btree ("provider","started_at","id");--> statement-breakpoint
CREATE INDEX "calls_status_started_idx" ON "calls" USING btree ("review_status","started_at","id");