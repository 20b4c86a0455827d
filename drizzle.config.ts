import { defineConfig } from 'drizzle-kit';

// Only used by `npm run db:generate` to write SQL migrations into db/migrations.
// Migrations are applied at start by db/migrate.ts, on PGlite and on a Postgres server alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
});
