import path from 'node:path';
import nextEnv from '@next/env';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { ConfigError, loadConfig } from '../server/config';

/**
 * For CLI scripts: reads the configuration as the server does (.env files, then the zod
 * schema), opens the configured database and applies migrations. Exits on a bad variable.
 * NOTE: PGlite allows one process per data dir, so stop a running Hubro first.
 */
export async function openConfiguredDatabase(): Promise<DatabaseHandle> {
  nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  const database = await openDatabase(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') },
  );
  await database.migrate();
  return database;
}
