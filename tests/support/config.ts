import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '../../server/config';

/**
 * RTC ports for this test file's mediasoup workers: a slice of 40000-49999 picked by the
 * vitest pool id, so files running in parallel never compete for a port.
 */
export function testRtcPorts(): { min: number; max: number } {
  const pool = Number(process.env.VITEST_POOL_ID ?? '1');
  const min = 41000 + (pool % 20) * 400;
  return { min, max: min + 399 };
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `hubro-${prefix}-`));
}

/**
 * This test file's Redis key prefix: nodes of one file share it (they form one site), and no
 * other file's rate limits or room claims, nor an earlier run's, reach them.
 */
const REDIS_PREFIX = `hubro-test:${randomBytes(4).toString('hex')}:`;

/** A config for an in-process Hubro node on a free port. */
export function testConfig(env: Record<string, string> = {}): Config {
  const { min, max } = testRtcPorts();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: tempDir('data'),
    MEDIASOUP_WORKERS: '1',
    RTC_MIN_PORT: String(min),
    RTC_MAX_PORT: String(max),
    RTC_LISTEN_IP: '127.0.0.1',
    SEED_DEMO: 'false',
    // ffmpeg (for recordings) is found on the PATH.
    PATH: process.env.PATH ?? '',
    AUTH_SECRET: 'test-secret-that-is-at-least-32-characters-long',
    REDIS_PREFIX,
    ...env,
  });
  return config;
}
