import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable Hubro reads, in one schema. The composition root (server/index.ts)
 * and the CLI scripts call `loadConfig(process.env)` once; nothing else reads process.env.
 * `.env.example` documents each variable.
 */

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

const booleanFlag = (fallback: boolean) =>
  z.preprocess(
    emptyToUndefined,
    z
      .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], { message: 'must be true or false' })
      .optional()
      .transform((v) => (v === undefined ? fallback : ['1', 'true', 'yes', 'on'].includes(v))),
  );

const port = (fallback: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'must be a number' })
      .int('must be a whole number')
      .min(0, 'must be between 0 and 65535')
      .max(65535, 'must be between 0 and 65535')
      .default(fallback),
  );

const urlWithProtocols = (protocols: string[], example: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      }, `must be a URL like ${example}`)
      .optional(),
  );

const envSchema = z
  .object({
    NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'production', 'test']).optional()),
    HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
    PORT: port(3000),
    PUBLIC_URL: urlWithProtocols(['http:', 'https:'], 'https://hubro.example.no'),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
    DATABASE_URL: urlWithProtocols(['postgres:', 'postgresql:'], 'postgres://user@127.0.0.1:5432/hubro'),
    REDIS_URL: urlWithProtocols(['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
    REDIS_PREFIX: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1–64 letters, digits or _ . : -, e.g. hubro:')
        .default('hubro:'),
    ),
    AUTH_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
    TRUST_PROXY: booleanFlag(false),
    SEED_DEMO: booleanFlag(true),
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    MEDIASOUP_WORKERS: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ message: 'must be a number' })
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(64, 'must be at most 64')
        .optional(),
    ),
    MEDIASOUP_WORKER_BIN: optionalString,
    MEDIASOUP_LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['debug', 'warn', 'error', 'none']).default('warn')),
    RTC_MIN_PORT: port(40000),
    RTC_MAX_PORT: port(49999),
    RTC_LISTEN_IP: z.preprocess(emptyToUndefined, z.union([z.ipv4(), z.ipv6()], { message: 'must be an IP address' }).default('0.0.0.0')),
    ANNOUNCED_IP: optionalString,
    TURN_URLS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .transform((v) => v.split(',').map((u) => u.trim()).filter(Boolean))
        .refine((urls) => urls.every((u) => /^(turns?|stun):[^\s]+$/.test(u)), 'must be comma-separated turn:, turns: or stun: URLs')
        .optional(),
    ),
    TURN_SECRET: optionalString,
    TURN_TTL_SECONDS: z.preprocess(
      emptyToUndefined,
      z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(60, 'must be at least 60').default(86_400),
    ),
    ROOM_EMPTY_GRACE_SECONDS: z.preprocess(
      emptyToUndefined,
      z.coerce.number({ message: 'must be a number' }).min(0, 'must be 0 or more').max(3600, 'must be at most 3600').default(30),
    ),
    WEBCAST_SPREAD: z.preprocess(
      emptyToUndefined,
      z.coerce.number({ message: 'must be a number' }).int().min(1, 'must be at least 1').max(10_000).default(50),
    ),
    RECONNECT_GRACE_SECONDS: z.preprocess(
      emptyToUndefined,
      z.coerce.number({ message: 'must be a number' }).min(1, 'must be at least 1').max(300, 'must be at most 300').default(15),
    ),
    SMTP_URL: urlWithProtocols(['smtp:', 'smtps:'], 'smtp://user:pass@smtp.example.no:587'),
    MAIL_FROM: z.preprocess(emptyToUndefined, z.string().max(200).default('Hubro <noreply@hubro.local>')),
    MAP_TILE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine((v) => /^https?:\/\/.+\{z\}.+\{x\}.+\{y\}/.test(v), 'must be a tile URL template with {z}, {x} and {y}')
        .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
    ),
    MAP_ATTRIBUTION: z.preprocess(emptyToUndefined, z.string().max(300).default('© OpenStreetMap contributors')),
    GITHUB_ID: optionalString,
    GITHUB_SECRET: optionalString,
    GOOGLE_CLIENT_ID: optionalString,
    GOOGLE_CLIENT_SECRET: optionalString,
    OIDC_ISSUER: urlWithProtocols(['http:', 'https:'], 'https://login.example.no/realms/hubro'),
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    OIDC_NAME: optionalString,
  })
  .superRefine((env, ctx) => {
    if (env.RTC_MIN_PORT < 1024 || env.RTC_MIN_PORT > env.RTC_MAX_PORT) {
      ctx.addIssue({ code: 'custom', path: ['RTC_MIN_PORT'], message: 'must be 1024 or more and not above RTC_MAX_PORT' });
    }
    const pairs: Array<[string, string | undefined, string, string | undefined]> = [
      ['GITHUB_ID', env.GITHUB_ID, 'GITHUB_SECRET', env.GITHUB_SECRET],
      ['GOOGLE_CLIENT_ID', env.GOOGLE_CLIENT_ID, 'GOOGLE_CLIENT_SECRET', env.GOOGLE_CLIENT_SECRET],
    ];
    for (const [aName, a, bName, b] of pairs) {
      if (Boolean(a) !== Boolean(b)) {
        const missing = a ? bName : aName;
        ctx.addIssue({ code: 'custom', path: [missing], message: `must be set together with ${a ? aName : bName}` });
      }
    }
    if (env.TURN_URLS?.some((u) => u.startsWith('turn')) && !env.TURN_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['TURN_SECRET'], message: 'must be set when TURN_URLS has turn: URLs' });
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const [name, value] of [
        ['OIDC_ISSUER', env.OIDC_ISSUER],
        ['OIDC_CLIENT_ID', env.OIDC_CLIENT_ID],
        ['OIDC_CLIENT_SECRET', env.OIDC_CLIENT_SECRET],
      ] as const) {
        if (!value) ctx.addIssue({ code: 'custom', path: [name], message: 'must be set with the other OIDC_* variables' });
      }
    }
  });

export type OAuthProviderConfig =
  | { id: 'github'; clientId: string; clientSecret: string }
  | { id: 'google'; clientId: string; clientSecret: string }
  | { id: 'oidc'; name: string; issuer: string; clientId: string; clientSecret: string };

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  /** Next.js dev mode (hot reload); set by `npm run dev`, not by the environment. */
  dev: boolean;
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Prefix of every Redis key and Socket.IO channel of this site. */
  redisPrefix: string;
  /** Undefined only until `resolveAuthSecret` has run. */
  authSecret: string | undefined;
  /** NODE_ENV=production was set explicitly: secrets must be configured, not generated. */
  requireSecrets: boolean;
  trustProxy: boolean;
  seedDemo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sfu: {
    workers: number;
    workerBin: string | undefined;
    logLevel: 'debug' | 'warn' | 'error' | 'none';
    rtcMinPort: number;
    rtcMaxPort: number;
    listenIp: string;
    announcedIp: string | undefined;
  };
  rooms: {
    emptyGraceMs: number;
    reconnectGraceMs: number;
    /** Webcast viewers per audience router before the audience spreads to another worker. */
    webcastSpread: number;
  };
  turn: { urls: string[]; secret: string | undefined; ttlSeconds: number };
  /** Email goes out only when SMTP_URL is set. */
  mail: { smtpUrl: string | undefined; from: string };
  map: { tileUrl: string; attribution: string };
  /** Event recording needs ffmpeg (Debian's package) on the PATH. */
  recording: { available: boolean; ffmpeg: string | undefined };
  oauth: OAuthProviderConfig[];
}

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly variables: string[],
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>, options: { dev?: boolean; cwd?: string } = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    const variables = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')))];
    throw new ConfigError(`Invalid environment configuration:\n${lines.join('\n')}`, variables);
  }
  const e = parsed.data;
  const cwd = options.cwd ?? process.cwd();
  const oauth: OAuthProviderConfig[] = [];
  if (e.GITHUB_ID && e.GITHUB_SECRET) oauth.push({ id: 'github', clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET });
  if (e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET) {
    oauth.push({ id: 'google', clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET });
  }
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    oauth.push({
      id: 'oidc',
      name: e.OIDC_NAME ?? 'OpenID Connect',
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
    });
  }
  return {
    nodeEnv: e.NODE_ENV ?? (options.dev ? 'development' : 'production'),
    dev: options.dev ?? false,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataDir: path.resolve(cwd, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    authSecret: e.AUTH_SECRET,
    requireSecrets: e.NODE_ENV === 'production',
    trustProxy: e.TRUST_PROXY,
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    sfu: {
      workers: e.MEDIASOUP_WORKERS ?? Math.max(1, os.availableParallelism()),
      workerBin: e.MEDIASOUP_WORKER_BIN ? path.resolve(cwd, e.MEDIASOUP_WORKER_BIN) : undefined,
      logLevel: e.MEDIASOUP_LOG_LEVEL,
      rtcMinPort: e.RTC_MIN_PORT,
      rtcMaxPort: e.RTC_MAX_PORT,
      listenIp: e.RTC_LISTEN_IP,
      announcedIp: e.ANNOUNCED_IP ?? defaultAnnouncedIp(e.RTC_LISTEN_IP),
    },
    rooms: { emptyGraceMs: e.ROOM_EMPTY_GRACE_SECONDS * 1000, reconnectGraceMs: e.RECONNECT_GRACE_SECONDS * 1000, webcastSpread: e.WEBCAST_SPREAD },
    turn: { urls: e.TURN_URLS ?? [], secret: e.TURN_SECRET, ttlSeconds: e.TURN_TTL_SECONDS },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    map: { tileUrl: e.MAP_TILE_URL, attribution: e.MAP_ATTRIBUTION },
    recording: findFfmpeg(env.PATH),
    oauth,
  };
}

function findFfmpeg(searchPath: string | undefined): Config['recording'] {
  for (const dir of (searchPath ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'ffmpeg');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return { available: true, ffmpeg: candidate };
    } catch {
      // not here
    }
  }
  return { available: false, ffmpeg: undefined };
}

/**
 * Browsers need a concrete address in ICE candidates. Listening on all interfaces without
 * ANNOUNCED_IP announces this machine's first LAN IPv4 address (so other devices on the
 * network can join), or 127.0.0.1 on a machine without one.
 */
function defaultAnnouncedIp(listenIp: string): string | undefined {
  if (listenIp !== '0.0.0.0' && listenIp !== '::') return undefined;
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const address of addresses ?? []) if (address.family === 'IPv4' && !address.internal) return address.address;
  }
  return '127.0.0.1';
}

/**
 * A missing AUTH_SECRET is generated once and kept in the data dir, so sessions survive a
 * restart of a local install. In production (NODE_ENV=production set explicitly) it must be
 * configured: a secret on the same disk as the data is not a secret an operator controls.
 */
export function resolveAuthSecret(config: Config, warn: (message: string) => void): string {
  if (config.authSecret) return config.authSecret;
  if (config.requireSecrets) {
    throw new ConfigError(
      'Invalid environment configuration:\n  AUTH_SECRET: is required when NODE_ENV=production (at least 32 characters, e.g. `openssl rand -base64 32`)',
      ['AUTH_SECRET'],
    );
  }
  const file = path.join(config.dataDir, 'auth-secret');
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // 'wx' fails when the file exists: a previous start (or a concurrent script) made it.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  warn(`AUTH_SECRET is not set; using the generated secret in ${file}. Set AUTH_SECRET in production.`);
  config.authSecret = secret;
  return secret;
}
