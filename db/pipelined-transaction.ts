import type { Database } from './client';

/** One SQL statement with `$1 … $n` placeholders and its parameters. */
export type Statement = readonly [text: string, params: readonly unknown[]];

type Row = Record<string, unknown>;

/**
 * Runs statements in one transaction: `begin`, the statements in order, `commit`. Each
 * statement runs after the one before it has finished, with its own snapshot (READ COMMITTED),
 * so a statement after a `select … for update` sees what the lock's previous holder committed.
 * Resolves to each statement's rows, or rejects with the first statement's error (the
 * transaction is then rolled back, nothing of it is kept).
 *
 * On PostgreSQL (postgres.js) the four or more messages are written to one reserved connection
 * at once, as prepared statements, and answered in one round trip: on this 2-core machine the
 * socket writes and wake-ups of a round trip per statement cost more CPU than the statements.
 * PGlite runs in this process, one query at a time, so there it is an ordinary transaction.
 *
 * Results are the drivers' own values, without drizzle's mapping: select plain types (text,
 * integers, booleans, uuids, float8) and convert the rest in SQL.
 */
export function pipelinedTransaction(db: Database, statements: readonly Statement[]): Promise<Row[][]> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (isPostgresJs(client)) return onPostgresJs(client, statements);
  if (isPglite(client)) return onPglite(client, statements);
  throw new Error('pipelinedTransaction: unknown database driver');
}

// The slice of postgres.js used here.
interface PostgresJsQuery extends Promise<Row[]> {
  execute(): PostgresJsQuery;
}
interface PostgresJsConnection {
  unsafe(text: string, params?: readonly unknown[], options?: { prepare?: boolean }): PostgresJsQuery;
  release(): void;
}
interface PostgresJs {
  reserve(): Promise<PostgresJsConnection>;
}

// The slice of PGlite used here.
interface Pglite {
  transaction<T>(work: (tx: { query(text: string, params?: unknown[]): Promise<{ rows: Row[] }> }) => Promise<T>): Promise<T>;
}

function isPostgresJs(client: unknown): client is PostgresJs {
  return typeof client === 'function' && typeof (client as Partial<PostgresJs>).reserve === 'function';
}

function isPglite(client: unknown): client is Pglite {
  return typeof client === 'object' && client !== null && typeof (client as Partial<Pglite>).transaction === 'function';
}

async function onPostgresJs(client: PostgresJs, statements: readonly Statement[]): Promise<Row[][]> {
  const connection = await client.reserve();
  try {
    // Queries are sent when executed; postgres.js gathers what is executed in one tick into one
    // write. Each statement has its own Sync, so after an error the rest answer "current
    // transaction is aborted" and `commit` ends the transaction as a rollback.
    const queries = [
      connection.unsafe('begin'),
      ...statements.map(([text, params]) => connection.unsafe(text, params, { prepare: true })),
      connection.unsafe('commit'),
    ];
    for (const query of queries) query.execute();
    const settled = await Promise.allSettled(queries);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.slice(1, -1).map((s) => [...(s as PromiseFulfilledResult<Row[]>).value]);
  } finally {
    connection.release();
  }
}

async function onPglite(client: Pglite, statements: readonly Statement[]): Promise<Row[][]> {
  return client.transaction(async (tx) => {
    const results: Row[][] = [];
    for (const [text, params] of statements) results.push((await tx.query(text, [...params])).rows);
    return results;
  });
}
