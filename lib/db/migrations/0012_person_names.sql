CREATE TABLE "person_names" (
	"provider" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"name" text,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "person_names_provider_kind_key_pk" PRIMARY KEY("provider","kind","key")
);
--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "counterpart_id" text;--> statement-breakpoint
CREATE INDEX "person_names_fetched_idx" ON "person_names" USING btree ("provider","fetched_at");