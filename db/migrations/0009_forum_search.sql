DROP INDEX "forum_posts_body_search_idx";--> statement-breakpoint
DROP INDEX "forum_threads_title_search_idx";--> statement-breakpoint
ALTER TABLE "forum_posts" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "forum_posts_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
CREATE UNIQUE INDEX "forum_posts_seq_key" ON "forum_posts" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "forum_posts_hidden_idx" ON "forum_posts" USING btree ("thread_id","number") WHERE "forum_posts"."hidden";--> statement-breakpoint
CREATE INDEX "forum_threads_hidden_idx" ON "forum_threads" USING btree ("id") WHERE "forum_threads"."hidden";--> statement-breakpoint
CREATE INDEX "forum_posts_body_search_idx" ON "forum_posts" USING gin ("body_search") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "forum_threads_title_search_idx" ON "forum_threads" USING gin ("title_search") WITH (fastupdate=false);--> statement-breakpoint
-- Added by hand (drizzle-kit does not model storage parameters): forum reads are many small
-- requests at once, and a parallel plan (seen for search on 1,000,000 posts) spends more on
-- starting workers than it saves, while taking cores from the other requests.
ALTER TABLE "forum_posts" SET (parallel_workers = 0);--> statement-breakpoint
ALTER TABLE "forum_threads" SET (parallel_workers = 0);
