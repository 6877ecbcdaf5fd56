CREATE TABLE "callback_appeal_files" (
	"id" text PRIMARY KEY NOT NULL,
	"appeal_id" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_appeals" (
	"id" text PRIMARY KEY NOT NULL,
	"task_id" text NOT NULL,
	"verdict_id" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"filed_by" text NOT NULL,
	"statement" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"task_id" text NOT NULL,
	"verdict_round" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"slot" text NOT NULL,
	"outcome" text NOT NULL,
	"agent_id" text NOT NULL,
	"answers" jsonb,
	"satisfied" boolean,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "callback_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"order_number" text NOT NULL,
	"order_type" text NOT NULL,
	"outlet_id" text NOT NULL,
	"region_code" text NOT NULL,
	"customer_id" text NOT NULL,
	"caller" text NOT NULL,
	"plan_reason" text NOT NULL,
	"rounds" integer NOT NULL,
	"high_value" boolean NOT NULL,
	"sampling_grade" text NOT NULL,
	"sampling_rate" double precision NOT NULL,
	"sampling_draw" double precision NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"completion_entered_at" timestamp with time zone NOT NULL,
	"late_entry" boolean NOT NULL,
	"settlement_value_fen" bigint NOT NULL,
	"plan_policy_versions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"month" text NOT NULL,
	"status" text NOT NULL,
	"verdict" text,
	"verdict_at" timestamp with time zone,
	"appeal_window_closes_at" timestamp with time zone,
	"final_at" timestamp with time zone,
	"final_basis" text,
	"entry_audited_at" timestamp with time zone,
	"entry_audited_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_verdicts" (
	"id" text PRIMARY KEY NOT NULL,
	"task_id" text NOT NULL,
	"round" integer NOT NULL,
	"kind" text NOT NULL,
	"verdict" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"note" text,
	"evidence_order_ids" jsonb NOT NULL,
	"agent_id" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"settlement" jsonb NOT NULL,
	"audited_at" timestamp with time zone,
	"audited_by" text
);
--> statement-breakpoint
CREATE TABLE "dealer_callbacks" (
	"id" text PRIMARY KEY NOT NULL,
	"dealer_id" text NOT NULL,
	"tier" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"agent_id" text NOT NULL,
	"answered" boolean NOT NULL,
	"satisfied" boolean,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "home_callbacks" (
	"id" text PRIMARY KEY NOT NULL,
	"placement_id" text NOT NULL,
	"party" text NOT NULL,
	"sequence" integer NOT NULL,
	"due_date" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"agent_id" text NOT NULL,
	"satisfied" boolean,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "home_placements" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"worker_id" text NOT NULL,
	"outlet_id" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "home_service_archives" (
	"month" text PRIMARY KEY NOT NULL,
	"statistics" jsonb NOT NULL,
	"summary" text NOT NULL,
	"archived_by" text NOT NULL,
	"archived_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "callback_appeal_files" ADD CONSTRAINT "callback_appeal_files_appeal_id_callback_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."callback_appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_appeals" ADD CONSTRAINT "callback_appeals_task_id_callback_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."callback_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_appeals" ADD CONSTRAINT "callback_appeals_verdict_id_callback_verdicts_id_fk" FOREIGN KEY ("verdict_id") REFERENCES "public"."callback_verdicts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_attempts" ADD CONSTRAINT "callback_attempts_task_id_callback_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."callback_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_verdicts" ADD CONSTRAINT "callback_verdicts_task_id_callback_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."callback_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_callbacks" ADD CONSTRAINT "home_callbacks_placement_id_home_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."home_placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "callback_appeal_files_appeal_idx" ON "callback_appeal_files" USING btree ("appeal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "callback_appeals_verdict_uq" ON "callback_appeals" USING btree ("verdict_id");--> statement-breakpoint
CREATE INDEX "callback_appeals_task_idx" ON "callback_appeals" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "callback_attempts_task_idx" ON "callback_attempts" USING btree ("task_id","at");--> statement-breakpoint
CREATE INDEX "callback_attempts_agent_idx" ON "callback_attempts" USING btree ("agent_id","task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "callback_tasks_order_uq" ON "callback_tasks" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "callback_tasks_open_due_idx" ON "callback_tasks" USING btree ("due_at") WHERE status in ('open', 'appealed');--> statement-breakpoint
CREATE INDEX "callback_tasks_outlet_month_idx" ON "callback_tasks" USING btree ("outlet_id","month");--> statement-breakpoint
CREATE INDEX "callback_tasks_month_idx" ON "callback_tasks" USING btree ("month","status");--> statement-breakpoint
CREATE INDEX "callback_tasks_window_idx" ON "callback_tasks" USING btree ("appeal_window_closes_at") WHERE final_at is null and appeal_window_closes_at is not null;--> statement-breakpoint
CREATE INDEX "callback_tasks_entered_idx" ON "callback_tasks" USING btree ("completion_entered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "callback_verdicts_round_uq" ON "callback_verdicts" USING btree ("task_id","round");--> statement-breakpoint
CREATE INDEX "callback_verdicts_recorded_idx" ON "callback_verdicts" USING btree ("recorded_at");--> statement-breakpoint
CREATE INDEX "dealer_callbacks_dealer_idx" ON "dealer_callbacks" USING btree ("dealer_id","at");--> statement-breakpoint
CREATE INDEX "dealer_callbacks_at_idx" ON "dealer_callbacks" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "home_callbacks_slot_uq" ON "home_callbacks" USING btree ("placement_id","party","sequence");--> statement-breakpoint
CREATE INDEX "home_callbacks_due_idx" ON "home_callbacks" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "home_placements_customer_idx" ON "home_placements" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "home_placements_outlet_idx" ON "home_placements" USING btree ("outlet_id","start_date");