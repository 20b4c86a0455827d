CREATE TABLE "forum_recent_posts" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"thread_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"author_id" uuid NOT NULL,
	"language" "content_language" NOT NULL,
	"hidden" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"body_search" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE INDEX "forum_recent_posts_body_search_idx" ON "forum_recent_posts" USING gin ("body_search") WITH (fastupdate=false);--> statement-breakpoint
-- Added by hand (drizzle-kit does not model functions or triggers). forum_recent_posts holds the
-- search columns of the newest forum_recent_window() posts by seq, and this trigger keeps it in
-- step with forum_posts: new posts go in (and push the oldest out), edits and moderation are
-- copied, deleted posts leave. server/forum/search.ts searches it first, and forum_posts only
-- below its lowest seq.
CREATE FUNCTION forum_recent_window() RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT 50000::bigint';--> statement-breakpoint
CREATE FUNCTION forum_recent_posts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM forum_recent_posts WHERE seq = OLD.seq;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE forum_recent_posts
       SET thread_id = NEW.thread_id, number = NEW.number, author_id = NEW.author_id, language = NEW.language,
           hidden = NEW.hidden, created_at = NEW.created_at, body_search = NEW.body_search
     WHERE seq = NEW.seq;
  ELSE
    -- A post whose transaction took its seq long before it committed stays out (search finds it
    -- in forum_posts): the window's lowest seq must never move back past posts it does not hold.
    INSERT INTO forum_recent_posts (seq, thread_id, number, author_id, language, hidden, created_at, body_search)
    SELECT NEW.seq, NEW.thread_id, NEW.number, NEW.author_id, NEW.language, NEW.hidden, NEW.created_at, NEW.body_search
     WHERE NEW.seq > coalesce((SELECT max(seq) FROM forum_recent_posts), 0) - forum_recent_window();
    DELETE FROM forum_recent_posts WHERE seq <= NEW.seq - forum_recent_window();
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER forum_posts_recent_sync AFTER INSERT OR UPDATE OR DELETE ON forum_posts FOR EACH ROW EXECUTE FUNCTION forum_recent_posts_sync();--> statement-breakpoint
-- Fills the window from forum_posts (this migration, and bulk loads that disable the trigger).
CREATE FUNCTION forum_recent_posts_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM forum_recent_posts;
  INSERT INTO forum_recent_posts (seq, thread_id, number, author_id, language, hidden, created_at, body_search)
  SELECT seq, thread_id, number, author_id, language, hidden, created_at, body_search
    FROM forum_posts
   WHERE seq > coalesce((SELECT max(seq) FROM forum_posts), 0) - forum_recent_window();
$$;--> statement-breakpoint
SELECT forum_recent_posts_rebuild();--> statement-breakpoint
ALTER TABLE "forum_recent_posts" SET (parallel_workers = 0);
