CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_email" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"address" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clinician_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"clinician_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"address" text
);
--> statement-breakpoint
CREATE TABLE "clinicians" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT 'clinician' NOT NULL,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clinicians_email_lower" CHECK ("clinicians"."email" = lower("clinicians"."email"))
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"address" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interview_id" uuid NOT NULL,
	"clinician_id" uuid NOT NULL,
	"verdict" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_note_length" CHECK (char_length("reviews"."note") <= 2000)
);
--> statement-breakpoint
ALTER TABLE "interviews" ADD COLUMN "urgency" smallint GENERATED ALWAYS AS (case disposition when 'emergency_ambulance' then 6 when 'emergency' then 5 when 'consultation_24' then 4 when 'consultation' then 3 when 'self_care' then 2 else case status when 'in_progress' then 1 else 0 end end) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "clinician_sessions" ADD CONSTRAINT "clinician_sessions_clinician_id_clinicians_id_fk" FOREIGN KEY ("clinician_id") REFERENCES "public"."clinicians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_interview_id_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_clinician_id_clinicians_id_fk" FOREIGN KEY ("clinician_id") REFERENCES "public"."clinicians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at","id");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_email","at");--> statement-breakpoint
CREATE INDEX "audit_events_target_idx" ON "audit_events" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "clinician_sessions_clinician_idx" ON "clinician_sessions" USING btree ("clinician_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clinicians_email_key" ON "clinicians" USING btree ("email");--> statement-breakpoint
CREATE INDEX "login_failures_email_idx" ON "login_failures" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "login_failures_address_idx" ON "login_failures" USING btree ("address","at");--> statement-breakpoint
CREATE INDEX "reviews_interview_idx" ON "reviews" USING btree ("interview_id","created_at");--> statement-breakpoint
CREATE INDEX "interviews_queue_idx" ON "interviews" USING btree ("urgency","created_at","id");--> statement-breakpoint
CREATE INDEX "interviews_rule_r01_chest_pain_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R01_chest_pain']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r02_tearing_pain_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R02_tearing_pain']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r03_stroke_signs_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R03_stroke_signs']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r04_serious_accident_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R04_serious_accident']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r05_cauda_equina_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R05_cauda_equina']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r06_both_legs_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R06_both_legs']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r07_cord_signs_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R07_cord_signs']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r08_infection_with_neuro_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R08_infection_with_neuro']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r09_bleed_on_anticoagulant_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R09_bleed_on_anticoagulant']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r10_cancer_with_neuro_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R10_cancer_with_neuro']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r11_fever_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R11_fever']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r12_systemic_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R12_systemic']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r13_limb_weakness_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R13_limb_weakness']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r14_cancer_history_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R14_cancer_history']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r15_infection_risk_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R15_infection_risk']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r16_fragility_fracture_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R16_fragility_fracture']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r17_thoracic_nonmechanical_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R17_thoracic_nonmechanical']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r18_severe_pain_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R18_severe_pain']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r19_clot_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R19_clot']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r20_under_16_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R20_under_16']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r21_nerve_symptoms_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R21_nerve_symptoms']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r22_minor_injury_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R22_minor_injury']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r23_worsening_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R23_worsening']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r24_persistent_unassessed_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R24_persistent_unassessed']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r25_anticoagulant_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R25_anticoagulant']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r26_pregnancy_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R26_pregnancy']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r27_bleeding_disorder_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R27_bleeding_disorder']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r28_recent_surgery_or_skin_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R28_recent_surgery_or_skin']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r29_bad_reaction_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R29_bad_reaction']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_r30_no_flags_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE "interviews"."rules" @> ARRAY['R30_no_flags']::text[];--> statement-breakpoint
CREATE INDEX "interviews_rule_g1_older_adult_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE ("interviews"."outcome" -> 'gateRules') @> '["G1_older_adult"]'::jsonb;--> statement-breakpoint
CREATE INDEX "interviews_rule_g2_bone_health_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE ("interviews"."outcome" -> 'gateRules') @> '["G2_bone_health"]'::jsonb;--> statement-breakpoint
CREATE INDEX "interviews_rule_g3_antiplatelet_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE ("interviews"."outcome" -> 'gateRules') @> '["G3_antiplatelet"]'::jsonb;--> statement-breakpoint
CREATE INDEX "interviews_rule_g4_standard_idx" ON "interviews" USING btree ("urgency","created_at","id") WHERE ("interviews"."outcome" -> 'gateRules') @> '["G4_standard"]'::jsonb;--> statement-breakpoint
-- The audit trail is append-only for everyone who connects as the application: any UPDATE, DELETE or TRUNCATE fails.
-- (Hand-written: drizzle-kit does not generate triggers. PostgreSQL 11+ syntax, so it runs on 15 and on PGlite.)
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_events_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
