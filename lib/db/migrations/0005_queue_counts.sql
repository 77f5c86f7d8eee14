CREATE TABLE "queue_counts" (
	"provider" text NOT NULL,
	"status" "review_status" NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "queue_counts_provider_status_pk" PRIMARY KEY("provider","status")
);
--> statement-breakpoint
DROP INDEX "calls_agent_idx";--> statement-breakpoint
CREATE INDEX "calls_agent_idx" ON "calls" USING btree ("agent_name","started_at","id");