import fs from 'node:fs';
import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

/** The drizzle database, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** A short human description for logs, without credentials. */
  describe: string;
  /** Runs the committed migrations (db/migrations). Safe to call from several nodes at once. */
  migrate(): Promise<void>;
  /** A cheap round trip, for /api/health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  /** `dataDir` undefined means in memory (tests). */
  | { kind: 'pglite'; dataDir: string | undefined };

export const MIGRATIONS_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), 'migrations');

/** The rows of `db.execute`: postgres.js returns an array, PGlite an object with `rows`. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

type PlannedRunner = (text: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;
/**
 * Where a Postgres database keeps its planned-once runner (see executePlannedOnce): on the
 * database object under a registered symbol, not in a module-level map, because Next.js bundles
 * its own copy of this module and must find the runner the server attached.
 */
const PLANNED = Symbol.for('hubro.db.plannedOnce');
const dialect = new PgDialect();

/**
 * Runs a hot read statement as a named prepared statement with a generic plan, on Postgres:
 * planned once per connection and reused for every parameter value, where `db.execute` sends an
 * unnamed statement that is parsed and planned again each time. On PGlite (one user, no planning
 * worth saving) it is plain `db.execute`.
 *
 * Only for statements whose best plan does not depend on the parameter values; forum search is
 * the one (server/forum/search.ts says why). The pool's sessions use
 * `plan_cache_mode = force_generic_plan`, so nothing else may run on it.
 */
export async function executePlannedOnce(db: Database, query: SQL): Promise<Array<Record<string, unknown>>> {
  const run = (db as unknown as { [PLANNED]?: PlannedRunner })[PLANNED];
  if (!run) return rowsOf(await db.execute(query));
  const { sql, params } = dialect.sqlToQuery(query);
  return run(sql, params);
}

// Any fixed number: serialises migrations when several Hubro nodes start against one server.
const MIGRATION_LOCK_ID = 727_001;

/**
 * Opens the database. Call once per process (see server/runtime.ts): two PGlite instances on
 * one data dir corrupt it.
 */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  return target.kind === 'postgres' ? openPostgres(target.url) : openPglite(target.dataDir);
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, { max: 10, onnotice: () => {}, connection: { application_name: 'hubro' } });
  const db = drizzle(client, { schema });
  const planned = postgres(url, {
    max: 4,
    onnotice: () => {},
    connection: { application_name: 'hubro-planned', plan_cache_mode: 'force_generic_plan' },
  });
  const run: PlannedRunner = (text, params) => planned.unsafe(text, params as never[], { prepare: true }) as unknown as Promise<Array<Record<string, unknown>>>;
  Object.defineProperty(db, PLANNED, { value: run });
  const parsed = new URL(url);
  return {
    db: db as unknown as Database,
    kind: 'postgres',
    describe: `postgres://${parsed.host}${parsed.pathname}`,
    async migrate() {
      const { migrate } = await import('drizzle-orm/postgres-js/migrator');
      // A single-connection client, so the advisory lock and the migration share a session.
      const lockClient = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
        await migrate(drizzle(lockClient), { migrationsFolder: MIGRATIONS_DIR });
        await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
      } finally {
        await lockClient.end({ timeout: 5 });
      }
    },
    async ping() {
      await client`select 1`;
    },
    async close() {
      await Promise.all([client.end({ timeout: 5 }), planned.end({ timeout: 5 })]);
    },
  };
}

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: { btree_gist, pg_trgm, unaccent } });
  const db = drizzle(client, { schema });
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    describe: dataDir ? `pglite:${dataDir}` : 'pglite:memory',
    async migrate() {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
    },
    async ping() {
      await client.query('select 1');
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}
