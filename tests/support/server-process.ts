import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { DatabaseHandle } from '../../db/client';
import { tempDir, testRtcPorts } from './config';
import { openFreshPostgres } from './databases';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Sends SIGTERM and resolves with the exit code and how long the exit took. */
  terminate(): Promise<{ code: number | null; ms: number }>;
  /**
   * Terminates this process (if it still runs) and starts a new one on the same port, data
   * dir, database and Redis prefix, as a server restart in production would. The new process
   * owns the database from then on: call its cleanup(), this one's only kills what is left.
   */
  restart(): Promise<ServerProcess>;
  cleanup(): Promise<void>;
}

/** What a restarted process keeps from the one before it. */
interface Continuation {
  port: string;
  dataDir: string;
  databaseUrl: string | undefined;
  database: DatabaseHandle | undefined;
  redisPrefix: string;
}

/**
 * Starts Hubro exactly as `npm start` does after its build steps (server/index.ts with the
 * built web app), on a free port, with its own data dir, or its own database when
 * DATABASE_URL is set, and REDIS_URL passed through.
 */
export async function startServerProcess(env: Record<string, string> = {}, continuation?: Continuation): Promise<ServerProcess> {
  const { min, max } = testRtcPorts();
  let database: DatabaseHandle | undefined = continuation?.database;
  let databaseUrl: string | undefined = continuation?.databaseUrl;
  if (!continuation && process.env.DATABASE_URL) {
    const fresh = await openFreshPostgres(process.env.DATABASE_URL);
    database = fresh;
    databaseUrl = fresh.url;
  }
  const dataDir = continuation?.dataDir ?? tempDir('e2e');
  const redisPrefix = continuation?.redisPrefix ?? `hubro-test:${randomBytes(4).toString('hex')}:`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: continuation?.port ?? '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      MEDIASOUP_WORKERS: '1',
      RTC_MIN_PORT: String(min),
      RTC_MAX_PORT: String(max),
      RTC_LISTEN_IP: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      // Its own key prefix: rate limits and room claims of other test servers (and of earlier
      // runs on the same Redis) must not leak into this one.
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: redisPrefix } : {}),
      ...env,
    } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Hubro did not start within 90 s:\n${output}`)), 90_000);
    const onData = () => {
      const match = /Hubro is running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Hubro exited with ${code} before it was ready:\n${output}`));
    });
  });

  let terminated: Promise<{ code: number | null; ms: number }> | undefined;
  let handedOver = false;
  const terminate = () => {
    terminated ??= (async () => {
      const started = Date.now();
      child.kill('SIGTERM');
      const code = await exited;
      return { code, ms: Date.now() - started };
    })();
    return terminated;
  };
  return {
    url,
    child,
    output: () => output,
    terminate,
    async restart() {
      await terminate();
      handedOver = true;
      // env may name its own DATA_DIR or DATABASE_URL (prepared data): those win, as before.
      return startServerProcess(env, { port: new URL(url).port, dataDir, databaseUrl, database, redisPrefix });
    },
    async cleanup() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      if (!handedOver) await database?.close();
    },
  };
}
