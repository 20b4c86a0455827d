import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, resolveAuthSecret } from '../../server/config';
import { tempDir } from '../support/config';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('starts with nothing set: port 3000, PGlite in ./data, memory store, one worker per CPU', () => {
    const config = loadConfig({}, { cwd: '/srv/hubro' });
    expect(config).toMatchObject({
      port: 3000,
      publicUrl: 'http://localhost:3000',
      dataDir: '/srv/hubro/data',
      databaseUrl: undefined,
      redisUrl: undefined,
      oauth: [],
      sfu: { rtcMinPort: 40000, rtcMaxPort: 49999 },
    });
    expect(config.sfu.workers).toBeGreaterThanOrEqual(1);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', 'must be a number'],
    [{ PORT: '70000' }, 'PORT', 'between 0 and 65535'],
    [{ DATABASE_URL: 'mysql://localhost/hubro' }, 'DATABASE_URL', 'postgres://'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL', 'redis://'],
    [{ REDIS_PREFIX: 'hubro prod' }, 'REDIS_PREFIX', 'letters, digits'],
    [{ MEDIASOUP_WORKERS: '0' }, 'MEDIASOUP_WORKERS', 'at least 1'],
    [{ AUTH_SECRET: 'short' }, 'AUTH_SECRET', 'at least 32 characters'],
    [{ RTC_MIN_PORT: '50000', RTC_MAX_PORT: '40000' }, 'RTC_MIN_PORT', 'not above RTC_MAX_PORT'],
    [{ GITHUB_ID: 'abc' }, 'GITHUB_SECRET', 'together with GITHUB_ID'],
    [{ OIDC_ISSUER: 'https://login.example.no' }, 'OIDC_CLIENT_ID', 'OIDC_'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY', 'true or false'],
  ])('refuses %o and names %s', (env, variable, hint) => {
    const error = configError(env);
    expect(error.variables).toContain(variable);
    expect(error.message).toContain(`${variable}: `);
    expect(error.message).toContain(hint);
  });

  it('lists the configured OAuth providers only', () => {
    const config = loadConfig({
      GITHUB_ID: 'id',
      GITHUB_SECRET: 'secret',
      OIDC_ISSUER: 'https://login.dyroy.example/realms/hubro',
      OIDC_CLIENT_ID: 'hubro',
      OIDC_CLIENT_SECRET: 's',
      OIDC_NAME: 'Dyrøy kommune',
    });
    expect(config.oauth.map((p) => p.id)).toEqual(['github', 'oidc']);
    expect(config.oauth[1]).toMatchObject({ name: 'Dyrøy kommune' });
  });

  it('generates a missing AUTH_SECRET once, keeps it in the data dir and warns', () => {
    const dataDir = tempDir('secret');
    const warnings: string[] = [];
    const first = resolveAuthSecret(loadConfig({ DATA_DIR: dataDir }), (m) => warnings.push(m));
    const second = resolveAuthSecret(loadConfig({ DATA_DIR: dataDir }), (m) => warnings.push(m));
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).toBe(first);
    expect(fs.readFileSync(path.join(dataDir, 'auth-secret'), 'utf8')).toBe(first);
    expect((fs.statSync(path.join(dataDir, 'auth-secret')).mode & 0o777).toString(8)).toBe('600');
    expect(warnings[0]).toMatch(/AUTH_SECRET is not set/);
  });

  it('refuses to generate a secret when NODE_ENV=production', () => {
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: tempDir('prod') });
    expect(() => resolveAuthSecret(config, () => {})).toThrow(/AUTH_SECRET: is required when NODE_ENV=production/);
  });
});

describe('start-up with a broken environment (the real entry point)', () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', DATA_DIR: tempDir('start'), ...env } as unknown as NodeJS.ProcessEnv,
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('stops with a message that names the variable', () => {
    const result = run({ PORT: 'abc' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT: must be a number');
    expect(result.stderr).toContain('.env.example');
  });

  it('stops in production without AUTH_SECRET', () => {
    const result = run({ NODE_ENV: 'production' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('AUTH_SECRET: is required when NODE_ENV=production');
  });
});
