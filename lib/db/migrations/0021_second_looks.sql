CREATE TABLE "second_looks" (
	"id" serial PRIMARY KEY NOT NULL,
	"revision_id" integer NOT NULL,
	"reviewer_id" text NOT NULL,
	"provider" text NOT NULL,
	"call_id" text NOT NULL,
	"target_id" text NOT NULL,
	"template_key" text,
	"sampled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lead_id" text,
	"verdict" text,
	"decided_at" timestamp with time zone,
	"correction_revision_id" integer,
	CONSTRAINT "second_looks_revision_key" UNIQUE("revision_id")
);
--> statement-breakpoint
ALTER TABLE "second_looks" ADD CONSTRAINT "second_looks_revision_id_summary_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."summary_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "second_looks" ADD CONSTRAINT "second_looks_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "second_looks" ADD CONSTRAINT "second_looks_lead_id_users_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "second_looks" ADD CONSTRAINT "second_looks_correction_revision_id_summary_revisions_id_fk" FOREIGN KEY ("correction_revision_id") REFERENCES "public"."summary_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "second_looks_open_idx" ON "second_looks" USING btree ("sampled_at","id") WHERE "second_looks"."verdict" is null;--> statement-breakpoint
CREATE INDEX "second_looks_reviewer_idx" ON "second_looks" USING btree ("reviewer_id");