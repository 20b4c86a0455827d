CREATE TYPE "public"."document_language" AS ENUM('nb', 'en', 'other');--> statement-breakpoint
CREATE TYPE "public"."job_location_mode" AS ENUM('anywhere', 'norway', 'hub');--> statement-breakpoint
CREATE TYPE "public"."library_entry_type" AS ENUM('definition', 'report', 'research_paper', 'own_publication', 'link');--> statement-breakpoint
CREATE TYPE "public"."review_status" AS ENUM('pending', 'published', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."study_trip_status" AS ENUM('received', 'planning', 'confirmed', 'declined');--> statement-breakpoint
CREATE TABLE "agreement_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"share_token" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"partner_id" uuid,
	"language" "content_language" DEFAULT 'nb' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "job_ad_spaces" (
	"job_ad_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	CONSTRAINT "job_ad_spaces_job_ad_id_space_id_pk" PRIMARY KEY("job_ad_id","space_id")
);
--> statement-breakpoint
CREATE TABLE "job_ads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"language" "content_language" NOT NULL,
	"description" text NOT NULL,
	"html" text NOT NULL,
	"location_mode" "job_location_mode" NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"team_meets" text DEFAULT '' NOT NULL,
	"apply_url" text,
	"apply_email" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector((case language when 'en' then 'english'::regconfig else 'norwegian'::regconfig end), coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(team_meets, ''))) STORED,
	CONSTRAINT "job_ads_apply_check" CHECK ("job_ads"."apply_url" is not null or "job_ads"."apply_email" is not null)
);
--> statement-breakpoint
CREATE TABLE "library_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"type" "library_entry_type" NOT NULL,
	"title" text NOT NULL,
	"summary_nb" text,
	"summary_en" text,
	"authors" text DEFAULT '' NOT NULL,
	"year" integer,
	"document_language" "document_language" DEFAULT 'nb' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"file_name" text,
	"file_size" integer,
	"external_url" text,
	"status" "review_status" DEFAULT 'pending' NOT NULL,
	"suggested_by" uuid,
	"reviewed_by" uuid,
	"review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('norwegian', coalesce(title, '') || ' ' || coalesce(summary_nb, '') || ' ' || coalesce(authors, '')) || to_tsvector('english', coalesce(title, '') || ' ' || coalesce(summary_en, '') || ' ' || coalesce(authors, ''))) STORED,
	CONSTRAINT "library_entries_source_check" CHECK ("library_entries"."file_name" is not null or "library_entries"."external_url" is not null),
	CONSTRAINT "library_entries_summary_check" CHECK ("library_entries"."summary_nb" is not null or "library_entries"."summary_en" is not null)
);
--> statement-breakpoint
CREATE TABLE "news_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"language" "content_language" NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"html" text NOT NULL,
	"cover" text,
	"author_id" uuid,
	"space_id" uuid,
	"translation_of" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "organisation_members" (
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_members_organisation_id_user_id_pk" PRIMARY KEY("organisation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"website" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_trip_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"author_id" uuid,
	"from_status" "study_trip_status",
	"to_status" "study_trip_status",
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_trip_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status_token" text NOT NULL,
	"requester_id" uuid,
	"organisation" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"group_size" integer NOT NULL,
	"wanted_from" date NOT NULL,
	"wanted_to" date NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"meet_wishes" text DEFAULT '' NOT NULL,
	"locale" "content_language" DEFAULT 'nb' NOT NULL,
	"consent_public" boolean DEFAULT false NOT NULL,
	"status" "study_trip_status" DEFAULT 'received' NOT NULL,
	"programme" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "study_trip_requests_group_check" CHECK ("study_trip_requests"."group_size" between 1 and 500),
	CONSTRAINT "study_trip_requests_dates_check" CHECK ("study_trip_requests"."wanted_from" <= "study_trip_requests"."wanted_to")
);
--> statement-breakpoint
ALTER TABLE "agreement_drafts" ADD CONSTRAINT "agreement_drafts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_drafts" ADD CONSTRAINT "agreement_drafts_partner_id_users_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_drafts" ADD CONSTRAINT "agreement_drafts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_ad_spaces" ADD CONSTRAINT "job_ad_spaces_job_ad_id_job_ads_id_fk" FOREIGN KEY ("job_ad_id") REFERENCES "public"."job_ads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_ad_spaces" ADD CONSTRAINT "job_ad_spaces_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_ads" ADD CONSTRAINT "job_ads_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_ads" ADD CONSTRAINT "job_ads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_entries" ADD CONSTRAINT "library_entries_suggested_by_users_id_fk" FOREIGN KEY ("suggested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_entries" ADD CONSTRAINT "library_entries_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_posts" ADD CONSTRAINT "news_posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_posts" ADD CONSTRAINT "news_posts_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_posts" ADD CONSTRAINT "news_posts_translation_of_news_posts_id_fk" FOREIGN KEY ("translation_of") REFERENCES "public"."news_posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_trip_events" ADD CONSTRAINT "study_trip_events_request_id_study_trip_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."study_trip_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_trip_events" ADD CONSTRAINT "study_trip_events_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_trip_requests" ADD CONSTRAINT "study_trip_requests_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_drafts_share_key" ON "agreement_drafts" USING btree ("share_token");--> statement-breakpoint
CREATE INDEX "agreement_drafts_owner_idx" ON "agreement_drafts" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_ads_slug_key" ON "job_ads" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "job_ads_expires_idx" ON "job_ads" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "job_ads_org_idx" ON "job_ads" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "job_ads_search_idx" ON "job_ads" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "library_entries_slug_key" ON "library_entries" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "library_entries_status_idx" ON "library_entries" USING btree ("status","published_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "library_entries_search_idx" ON "library_entries" USING gin ("search");--> statement-breakpoint
CREATE INDEX "library_entries_tags_idx" ON "library_entries" USING gin ("tags");--> statement-breakpoint
CREATE UNIQUE INDEX "news_posts_slug_key" ON "news_posts" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "news_posts_published_idx" ON "news_posts" USING btree ("published_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "news_posts_space_idx" ON "news_posts" USING btree ("space_id","published_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "organisation_members_user_idx" ON "organisation_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_slug_key" ON "organisations" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "study_trip_events_request_idx" ON "study_trip_events" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "study_trip_requests_token_key" ON "study_trip_requests" USING btree ("status_token");--> statement-breakpoint
CREATE INDEX "study_trip_requests_status_idx" ON "study_trip_requests" USING btree ("status","created_at");