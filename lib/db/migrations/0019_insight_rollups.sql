CREATE TABLE "decision_rollups" (
	"week" date NOT NULL,
	"provider" text NOT NULL,
	"template_key" text NOT NULL,
	"agent_name" text NOT NULL,
	"author_id" text NOT NULL,
	"decisions" integer DEFAULT 0 NOT NULL,
	"corrected" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"chars_sum" bigint DEFAULT 0 NOT NULL,
	"lines_sum" bigint DEFAULT 0 NOT NULL,
	"sized" integer DEFAULT 0 NOT NULL,
	"review_seconds_sum" bigint DEFAULT 0 NOT NULL,
	"reviewed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "decision_rollups_week_provider_template_key_agent_name_author_id_pk" PRIMARY KEY("week","provider","template_key","agent_name","author_id")
);
--> statement-breakpoint
CREATE TABLE "reason_rollups" (
	"week" date NOT NULL,
	"provider" text NOT NULL,
	"author_id" text NOT NULL,
	"reason" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "reason_rollups_week_provider_author_id_reason_pk" PRIMARY KEY("week","provider","author_id","reason")
);
--> statement-breakpoint
CREATE TABLE "revision_status_counts" (
	"author_id" text NOT NULL,
	"status" "revision_status" NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "revision_status_counts_author_id_status_pk" PRIMARY KEY("author_id","status")
);
