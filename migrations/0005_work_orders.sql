CREATE TABLE "appointments" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"day" date NOT NULL,
	"window_start" text NOT NULL,
	"window_end" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"agreed_by" text,
	"requested_by" text,
	"reason" text,
	"customer_accepted" boolean,
	"broken" boolean DEFAULT false NOT NULL,
	"superseded_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intermediate_results" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"code" text NOT NULL,
	"data" jsonb NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" text
);
--> statement-breakpoint
CREATE TABLE "order_attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" text,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_callbacks" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"by" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reached" boolean NOT NULL,
	"satisfied" boolean,
	"note" text,
	"recorded_by" text
);
--> statement-breakpoint
CREATE TABLE "order_contacts" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"reason" text NOT NULL,
	"customer_unhappy" boolean DEFAULT false NOT NULL,
	"note" text,
	"trip" boolean NOT NULL,
	"trip_cause" text,
	"evidence" jsonb NOT NULL,
	"outlet_id" text,
	"logged_by" text
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text,
	"type" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_number_sequences" (
	"day" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "part_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"part_name" text NOT NULL,
	"part_code" text,
	"quantity" integer NOT NULL,
	"shipped_by" text NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"shelf_off_at" timestamp with time zone,
	"station_arrival_at" timestamp with time zone,
	"arrived_at_outlet_at" timestamp with time zone,
	"fitted_at" timestamp with time zone,
	"promised_arrival_date" date,
	"cancelled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"customer_id" text NOT NULL,
	"unit_id" text,
	"address_id" text NOT NULL,
	"region_code" text NOT NULL,
	"category_code" text NOT NULL,
	"model_id" text,
	"order_type" text NOT NULL,
	"channel" text NOT NULL,
	"service_mode" text NOT NULL,
	"fault_description" text NOT NULL,
	"customer_requested_at" timestamp with time zone,
	"status" text NOT NULL,
	"outlet_id" text,
	"engineer_id" text,
	"proposed_outlet_id" text,
	"dispatch_override_reason" text,
	"actual_measure_pickup" boolean DEFAULT false NOT NULL,
	"closing_basis" text,
	"dispatched_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"assigned_at" timestamp with time zone,
	"first_contact_at" timestamp with time zone,
	"first_visit_at" timestamp with time zone,
	"first_part_request_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"sla_deadline" timestamp with time zone,
	"sla_state" text DEFAULT 'none' NOT NULL,
	"sla_rule" text,
	"sla_policy_version" integer,
	"sla_assessed_seconds" bigint,
	"sla_evaluated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "appointments_order_idx" ON "appointments" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "appointments_day_idx" ON "appointments" USING btree ("day");--> statement-breakpoint
CREATE INDEX "intermediate_results_order_idx" ON "intermediate_results" USING btree ("order_id","recorded_at");--> statement-breakpoint
CREATE INDEX "order_attachments_order_idx" ON "order_attachments" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_callbacks_order_idx" ON "order_callbacks" USING btree ("order_id","at");--> statement-breakpoint
CREATE INDEX "order_contacts_order_idx" ON "order_contacts" USING btree ("order_id","at");--> statement-breakpoint
CREATE INDEX "order_contacts_trips_idx" ON "order_contacts" USING btree ("outlet_id","at") WHERE trip;--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("order_id","at");--> statement-breakpoint
CREATE INDEX "part_requests_order_idx" ON "part_requests" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_orders_number_uq" ON "work_orders" USING btree ("number");--> statement-breakpoint
CREATE INDEX "work_orders_outlet_status_idx" ON "work_orders" USING btree ("outlet_id","status","created_at");--> statement-breakpoint
CREATE INDEX "work_orders_open_sla_idx" ON "work_orders" USING btree ("sla_deadline") WHERE closed_at is null and cancelled_at is null;--> statement-breakpoint
CREATE INDEX "work_orders_customer_idx" ON "work_orders" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "work_orders_engineer_idx" ON "work_orders" USING btree ("engineer_id","status");--> statement-breakpoint
CREATE INDEX "work_orders_created_idx" ON "work_orders" USING btree ("created_at");