CREATE TYPE "public"."booking_status" AS ENUM('confirmed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."booking_term" AS ENUM('hour', 'day', 'week', 'month');--> statement-breakpoint
CREATE TYPE "public"."resource_kind" AS ENUM('hot_desk', 'fixed_desk', 'private_office', 'meeting_room');--> statement-breakpoint
CREATE TYPE "public"."space_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
ALTER TYPE "public"."space_kind" ADD VALUE 'business_park';--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"term" "booking_term" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"exclusive" boolean NOT NULL,
	"status" "booking_status" DEFAULT 'confirmed' NOT NULL,
	"price" integer,
	"currency" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "bookings_time_check" CHECK ("bookings"."starts_at" < "bookings"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "calendar_tokens" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_tokens_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "host_communities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country" text NOT NULL,
	"municipality" text NOT NULL,
	"broadband_nb" text,
	"broadband_en" text,
	"school_nb" text,
	"school_en" text,
	"kindergarten_nb" text,
	"kindergarten_en" text,
	"health_care_nb" text,
	"health_care_en" text,
	"transport_nb" text,
	"transport_en" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"kind" "resource_kind" NOT NULL,
	"name" text NOT NULL,
	"capacity" integer DEFAULT 1 NOT NULL,
	"price_hour" integer,
	"price_day" integer,
	"price_week" integer,
	"price_month" integer,
	"min_minutes" integer DEFAULT 60 NOT NULL,
	"max_minutes" integer DEFAULT 44640 NOT NULL,
	"advance_days" integer DEFAULT 90 NOT NULL,
	"open_weekdays" integer[] DEFAULT '{1,2,3,4,5}'::int[] NOT NULL,
	"opens_at" integer DEFAULT 480 NOT NULL,
	"closes_at" integer DEFAULT 1020 NOT NULL,
	"blackout_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"cancel_cutoff_hours" integer DEFAULT 24 NOT NULL,
	"max_active_per_user" integer DEFAULT 5 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resources_capacity_check" CHECK ("resources"."capacity" between 1 and 500),
	CONSTRAINT "resources_hours_check" CHECK ("resources"."opens_at" >= 0 and "resources"."closes_at" <= 1440 and "resources"."opens_at" < "resources"."closes_at")
);
--> statement-breakpoint
CREATE TABLE "space_hosts" (
	"space_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "space_hosts_space_id_user_id_pk" PRIMARY KEY("space_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "space_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"file" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"alt" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "status" "space_status" DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "time_zone" text DEFAULT 'Europe/Oslo' NOT NULL;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "currency" text DEFAULT 'NOK' NOT NULL;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "fibre_mbps" integer;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "amenities" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "opening_hours_nb" text;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "opening_hours_en" text;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('norwegian', coalesce(name, '') || ' ' || coalesce(city, '') || ' ' || coalesce(municipality, '') || ' ' || coalesce(description_nb, '')) || to_tsvector('english', coalesce(name, '') || ' ' || coalesce(city, '') || ' ' || coalesce(municipality, '') || ' ' || coalesce(description_en, ''))) STORED;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_tokens" ADD CONSTRAINT "calendar_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_hosts" ADD CONSTRAINT "space_hosts_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_hosts" ADD CONSTRAINT "space_hosts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_photos" ADD CONSTRAINT "space_photos_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookings_resource_time_idx" ON "bookings" USING btree ("resource_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_user_idx" ON "bookings" USING btree ("user_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "host_communities_place_key" ON "host_communities" USING btree ("country","municipality");--> statement-breakpoint
CREATE INDEX "resources_space_idx" ON "resources" USING btree ("space_id");--> statement-breakpoint
CREATE INDEX "space_hosts_user_idx" ON "space_hosts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "space_photos_space_idx" ON "space_photos" USING btree ("space_id","position");--> statement-breakpoint
CREATE INDEX "spaces_search_idx" ON "spaces" USING gin ("search");--> statement-breakpoint
CREATE INDEX "spaces_status_country_idx" ON "spaces" USING btree ("status","country");--> statement-breakpoint
ALTER TABLE "spaces" ADD CONSTRAINT "spaces_currency_check" CHECK ("spaces"."currency" in ('NOK', 'EUR'));--> statement-breakpoint
-- Spaces that existed before approval was introduced (the demo content) are approved.
UPDATE "spaces" SET "status" = 'approved';--> statement-breakpoint
-- The database itself guarantees that exclusive resources (fixed desks, offices, meeting
-- rooms) are never double-booked, whatever the application does.
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_exclusive_no_overlap" EXCLUDE USING gist ("resource_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("exclusive" AND "status" = 'confirmed');--> statement-breakpoint
-- Overlap look-ups for availability and hot-desk capacity.
CREATE INDEX "bookings_confirmed_period_idx" ON "bookings" USING gist ("resource_id", tstzrange("starts_at", "ends_at", '[)')) WHERE "status" = 'confirmed';
