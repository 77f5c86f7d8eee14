-- Trigram matching for the queue's free-text search (a contrib extension of Postgres; PGlite loads it too).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "summary_text" text;--> statement-breakpoint
CREATE INDEX "calls_search_trgm_idx" ON "calls" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "calls_summary_trgm_idx" ON "calls" USING gin ("summary_text" gin_trgm_ops);