CREATE TYPE "public"."venue_kind" AS ENUM('library', 'school', 'office_hotel', 'nursing_home', 'other');--> statement-breakpoint
ALTER TYPE "public"."resource_kind" ADD VALUE 'studio';--> statement-breakpoint
ALTER TYPE "public"."room_kind" ADD VALUE 'lesson';--> statement-breakpoint
ALTER TYPE "public"."room_kind" ADD VALUE 'care';--> statement-breakpoint
ALTER TYPE "public"."room_kind" ADD VALUE 'studio';--> statement-breakpoint
ALTER TYPE "public"."space_kind" ADD VALUE 'venue';--> statement-breakpoint
CREATE TABLE "kiosk_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"label" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "lesson_exceptions" (
	"series_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"canceled" boolean DEFAULT false NOT NULL,
	"moved_starts_at" timestamp with time zone,
	"moved_duration_minutes" integer,
	"note" text,
	CONSTRAINT "lesson_exceptions_series_id_on_date_pk" PRIMARY KEY("series_id","on_date"),
	CONSTRAINT "lesson_exceptions_kind_check" CHECK ("lesson_exceptions"."canceled" or "lesson_exceptions"."moved_starts_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "lesson_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"title" text NOT NULL,
	"teacher_id" uuid NOT NULL,
	"time_zone" text DEFAULT 'Europe/Oslo' NOT NULL,
	"weekdays" integer[] NOT NULL,
	"start_minute" integer NOT NULL,
	"duration_minutes" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"feed_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lesson_series_minutes_check" CHECK ("lesson_series"."start_minute" between 0 and 1439 and "lesson_series"."duration_minutes" between 5 and 600),
	CONSTRAINT "lesson_series_dates_check" CHECK ("lesson_series"."starts_on" <= "lesson_series"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "room_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"user_id" uuid,
	"display_name" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "studios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"venue_kind" "venue_kind" NOT NULL,
	"space_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"equipment_nb" text DEFAULT '' NOT NULL,
	"equipment_en" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "lobby" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "kiosk_tokens" ADD CONSTRAINT "kiosk_tokens_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kiosk_tokens" ADD CONSTRAINT "kiosk_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_exceptions" ADD CONSTRAINT "lesson_exceptions_series_id_lesson_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."lesson_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_series" ADD CONSTRAINT "lesson_series_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_series" ADD CONSTRAINT "lesson_series_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_attendance" ADD CONSTRAINT "room_attendance_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_attendance" ADD CONSTRAINT "room_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studios" ADD CONSTRAINT "studios_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studios" ADD CONSTRAINT "studios_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studios" ADD CONSTRAINT "studios_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studios" ADD CONSTRAINT "studios_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kiosk_tokens_hash_key" ON "kiosk_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "kiosk_tokens_studio_idx" ON "kiosk_tokens" USING btree ("studio_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lesson_series_room_key" ON "lesson_series" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "lesson_series_teacher_idx" ON "lesson_series" USING btree ("teacher_id");--> statement-breakpoint
CREATE INDEX "room_attendance_room_idx" ON "room_attendance" USING btree ("room_id","joined_at");--> statement-breakpoint
CREATE UNIQUE INDEX "studios_slug_key" ON "studios" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "studios_room_key" ON "studios" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "studios_space_idx" ON "studios" USING btree ("space_id");