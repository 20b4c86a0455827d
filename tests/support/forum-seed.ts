import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, type Database, type DatabaseHandle } from '../../db/client';
import { users, type UserRole } from '../../db/schema';
import { signUp } from '../../server/accounts/sign-up';
import { seedDemoContent } from '../../server/seed/seed';
import { tempDir } from './config';
import { openFreshPostgres } from './databases';

export interface MemberSpec {
  name: string;
  email: string;
  password: string;
  role?: UserRole;
  /**
   * Backdates the account. Accounts younger than a day may post once per 30 s, older ones once
   * per 5 s (server/forum/posting.ts); tests that post a lot use members "from last week".
   */
  ageDays?: number;
}

export interface SeededMember extends MemberSpec {
  id: string;
  handle: string;
}

export interface PreparedForum<K extends string> {
  /** Pass to startServerProcess: the prepared data dir, or the prepared Postgres database. */
  env: Record<string, string>;
  members: Record<K, SeededMember>;
  /**
   * On the Postgres server, the prepared database, open beside the server process (as another
   * node would write to it). Null on PGlite, which admits one process.
   */
  db: Database | null;
  /** After the server has stopped: closes (and for Postgres drops) the database. */
  close(): Promise<void>;
}

/**
 * Prepares the database a Hubro server process will open, before it starts: the demo content
 * (forum categories) and the given members, e.g. a moderator. Cleaner than promoting a member
 * while the server runs: PGlite allows one process per data dir, so the CLI could otherwise
 * only run while the server is stopped.
 *
 * With DATABASE_URL (CI) a fresh Postgres database is prepared instead and its URL handed to
 * the server (startServerProcess lets `env` override the database it would make itself).
 */
export async function prepareForum<K extends string>(specs: Record<K, MemberSpec>): Promise<PreparedForum<K>> {
  let handle: DatabaseHandle;
  let env: Record<string, string>;
  let keepOpen = false;
  if (process.env.DATABASE_URL) {
    const fresh = await openFreshPostgres(process.env.DATABASE_URL);
    handle = fresh;
    env = { DATABASE_URL: fresh.url };
    // Dropped in close(), after the server is gone.
    keepOpen = true;
  } else {
    const dataDir = tempDir('forum');
    handle = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    await handle.migrate();
    env = { DATA_DIR: dataDir };
  }
  const members = {} as Record<K, SeededMember>;
  try {
    // Seeding runs only on an empty database, so it must come before the first member.
    await seedDemoContent(handle.db);
    for (const [key, spec] of Object.entries(specs) as Array<[K, MemberSpec]>) {
      members[key] = await createMember(handle.db, spec);
    }
  } finally {
    if (!keepOpen) await handle.close();
  }
  return {
    env,
    members,
    db: keepOpen ? handle.db : null,
    close: () => (keepOpen ? handle.close() : Promise.resolve()),
  };
}

async function createMember(db: Database, spec: MemberSpec): Promise<SeededMember> {
  const result = await signUp(db, { email: spec.email, password: spec.password, displayName: spec.name });
  if (!result.ok) throw new Error(`could not create ${spec.email}: ${JSON.stringify(result.errors)}`);
  const change: Partial<typeof users.$inferInsert> = {};
  if (spec.role) change.role = spec.role;
  if (spec.ageDays) change.createdAt = sql`now() - ${`${spec.ageDays} days`}::interval` as unknown as Date;
  if (Object.keys(change).length) await db.update(users).set(change).where(eq(users.id, result.user.id));
  return { ...spec, id: result.user.id, handle: result.user.handle };
}
