import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../../db/client';

export interface DatabaseTarget {
  name: 'pglite' | 'postgres';
  /** Opens a fresh, migrated database of its own; `close` also drops it. */
  open(): Promise<DatabaseHandle>;
}

/**
 * Integration tests always run on an in-memory PGlite, and also on the Postgres server when
 * DATABASE_URL is set (CI sets it). Each open gets a fresh database, so files run in parallel.
 */
export function databaseTargets(): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [
    {
      name: 'pglite',
      async open() {
        const handle = await openDatabase({ kind: 'pglite', dataDir: undefined });
        await handle.migrate();
        return handle;
      },
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) targets.push({ name: 'postgres', open: () => openFreshPostgres(url) });
  return targets;
}

export async function openFreshPostgres(baseUrl: string): Promise<DatabaseHandle & { url: string }> {
  const name = `hubro_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
  await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      const dropper = postgres(baseUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
