CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dealer_tier_history" (
	"dealer_id" text NOT NULL,
	"month" text NOT NULL,
	"tier" text NOT NULL,
	"reason" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dealer_tier_history_dealer_id_month_pk" PRIMARY KEY("dealer_id","month")
);
--> statement-breakpoint
CREATE TABLE "dealers" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"contact_name_enc" text,
	"contact_phone_enc" text,
	"contact_phone_idx" text,
	"tier" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"line_code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_lines" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_models" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category_code" text NOT NULL,
	"warranty_months" smallint NOT NULL,
	"key_parts_warranty_months" smallint NOT NULL,
	"key_parts" text[] DEFAULT '{}'::text[] NOT NULL,
	"dealer_price_fen" integer,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"market_tier" smallint,
	"area_type" text NOT NULL,
	"tier_source" text DEFAULT 'default' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_addresses" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"region_code" text NOT NULL,
	"detail_enc" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_phones" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_idx" text NOT NULL,
	"label" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_enc" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"merged_into_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" text PRIMARY KEY NOT NULL,
	"serial_number" text NOT NULL,
	"model_id" text NOT NULL,
	"customer_id" text,
	"address_id" text,
	"purchase_date" date NOT NULL,
	"install_date" date,
	"sales_channel" text NOT NULL,
	"dealer_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engineer_certificates" (
	"id" text PRIMARY KEY NOT NULL,
	"engineer_id" text NOT NULL,
	"name" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date,
	"expires_on" date
);
--> statement-breakpoint
CREATE TABLE "engineer_skills" (
	"engineer_id" text NOT NULL,
	"category_code" text NOT NULL,
	"level" smallint DEFAULT 1 NOT NULL,
	CONSTRAINT "engineer_skills_engineer_id_category_code_pk" PRIMARY KEY("engineer_id","category_code")
);
--> statement-breakpoint
CREATE TABLE "engineers" (
	"id" text PRIMARY KEY NOT NULL,
	"outlet_id" text NOT NULL,
	"user_id" text,
	"code" text NOT NULL,
	"name_enc" text NOT NULL,
	"phone_enc" text,
	"phone_idx" text,
	"id_number_enc" text,
	"active" boolean DEFAULT true NOT NULL,
	"hired_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outlet_regions" (
	"outlet_id" text NOT NULL,
	"region_code" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "outlet_regions_outlet_id_region_code_pk" PRIMARY KEY("outlet_id","region_code")
);
--> statement-breakpoint
CREATE TABLE "outlet_services" (
	"outlet_id" text NOT NULL,
	"category_code" text NOT NULL,
	"service_type" text NOT NULL,
	CONSTRAINT "outlet_services_outlet_id_category_code_service_type_pk" PRIMARY KEY("outlet_id","category_code","service_type")
);
--> statement-breakpoint
ALTER TABLE "outlets" ADD COLUMN "parent_id" text;--> statement-breakpoint
ALTER TABLE "outlets" ADD COLUMN "address" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "outlets" ADD COLUMN "lat" double precision;--> statement-breakpoint
ALTER TABLE "outlets" ADD COLUMN "lng" double precision;--> statement-breakpoint
ALTER TABLE "outlets" ADD COLUMN "service_radius_km" smallint DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "outlets" ADD COLUMN "band" smallint;--> statement-breakpoint
ALTER TABLE "outlets" ADD COLUMN "band_year" integer;--> statement-breakpoint
ALTER TABLE "outlets" ADD COLUMN "grade" text;--> statement-breakpoint
ALTER TABLE "outlets" ADD COLUMN "stars" smallint;--> statement-breakpoint
ALTER TABLE "outlets" ADD COLUMN "parts_deposit_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outlets" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "outlets" ADD COLUMN "manager_name" text;--> statement-breakpoint
ALTER TABLE "outlets" ADD COLUMN "qualification" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "dealer_tier_history" ADD CONSTRAINT "dealer_tier_history_dealer_id_dealers_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."dealers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_categories" ADD CONSTRAINT "product_categories_line_code_product_lines_code_fk" FOREIGN KEY ("line_code") REFERENCES "public"."product_lines"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_models" ADD CONSTRAINT "product_models_category_code_product_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."product_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_addresses" ADD CONSTRAINT "customer_addresses_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_phones" ADD CONSTRAINT "customer_phones_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engineer_certificates" ADD CONSTRAINT "engineer_certificates_engineer_id_engineers_id_fk" FOREIGN KEY ("engineer_id") REFERENCES "public"."engineers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engineer_skills" ADD CONSTRAINT "engineer_skills_engineer_id_engineers_id_fk" FOREIGN KEY ("engineer_id") REFERENCES "public"."engineers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engineers" ADD CONSTRAINT "engineers_outlet_id_outlets_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."outlets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outlet_regions" ADD CONSTRAINT "outlet_regions_outlet_id_outlets_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."outlets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outlet_services" ADD CONSTRAINT "outlet_services_outlet_id_outlets_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."outlets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dealers_code_uq" ON "dealers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "dealers_region_idx" ON "dealers" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "product_models_code_uq" ON "product_models" USING btree ("code");--> statement-breakpoint
CREATE INDEX "product_models_category_idx" ON "product_models" USING btree ("category_code");--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "regions_level_idx" ON "regions" USING btree ("level");--> statement-breakpoint
CREATE INDEX "customer_addresses_customer_idx" ON "customer_addresses" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "customer_addresses_region_idx" ON "customer_addresses" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "customer_phones_idx" ON "customer_phones" USING btree ("phone_idx");--> statement-breakpoint
CREATE INDEX "customer_phones_customer_idx" ON "customer_phones" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_code_uq" ON "customers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "customers_created_idx" ON "customers" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "units_serial_uq" ON "units" USING btree ("serial_number");--> statement-breakpoint
CREATE INDEX "units_customer_idx" ON "units" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "units_model_idx" ON "units" USING btree ("model_id");--> statement-breakpoint
CREATE INDEX "engineer_certificates_engineer_idx" ON "engineer_certificates" USING btree ("engineer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "engineers_code_uq" ON "engineers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "engineers_outlet_idx" ON "engineers" USING btree ("outlet_id");--> statement-breakpoint
CREATE INDEX "engineers_phone_idx" ON "engineers" USING btree ("phone_idx");--> statement-breakpoint
CREATE INDEX "outlet_regions_region_idx" ON "outlet_regions" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "outlets_status_idx" ON "outlets" USING btree ("status");