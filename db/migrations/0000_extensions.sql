-- Extensions that later features rely on. All three are "trusted" contrib modules on
-- PostgreSQL 13+, and PGlite loads them from @electric-sql/pglite/contrib (see db/client.ts).
-- btree_gist: exclusion constraints for desk bookings (no overlapping tstzrange per desk).
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
-- pg_trgm: fuzzy search on names and titles.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- unaccent: search that matches "Brostadbotn" to "Brøstadbotn"-style spellings.
CREATE EXTENSION IF NOT EXISTS unaccent;
