CREATE TABLE "interviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"token_hash" text NOT NULL,
	"protocol_version" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"status" text NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"disposition" text,
	"gate" text,
	"rules" text[],
	"outcome" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "transcript_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"interview_id" uuid NOT NULL,
	"role" text NOT NULL,
	"question_id" text NOT NULL,
	"step" integer NOT NULL,
	"text" text NOT NULL,
	"value" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "transcript_entries" ADD CONSTRAINT "transcript_entries_interview_id_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "interviews_code_key" ON "interviews" USING btree ("code");--> statement-breakpoint
CREATE INDEX "interviews_created_at_idx" ON "interviews" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "transcript_interview_idx" ON "transcript_entries" USING btree ("interview_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "transcript_live_entry_key" ON "transcript_entries" USING btree ("interview_id","role","step") WHERE "transcript_entries"."superseded_at" is null;