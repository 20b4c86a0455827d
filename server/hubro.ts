import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { CLIENT_IP_HEADER } from './auth/client-ip';
import type { Config } from './config';
import { healthReport, type Lifecycle } from './http/health';
import { FORUM_SEARCH_PATH, handleForumSearch } from './http/forum-search';
import { createMetrics } from './http/metrics';
import { invalidatingForumLive, PageCache, selfRefresher } from './http/page-cache';
import type { Logger } from './logger';
import { setRuntime } from './runtime';
import { seedDemoContent } from './seed/seed';
import { resolveWorkerBinary } from './sfu/load-mediasoup';
import { WorkerPool } from './sfu/worker-pool';
import { MEDIA_CODECS } from './sfu/room';
import type { RoomManager } from './sfu/room-manager';
import type { WebcastRegistry } from './signalling/webcast-handlers';
import { createSignalling, type Signalling, type SignallingServer } from './signalling/io';
import { turnIceServers } from './rooms/turn';
import { createMailer, type Mailer } from './mail/mailer';
import { withEmailNotifications } from './notifications/email';
import { MemoryStore } from './store/memory-store';
import { RedisStore } from './store/redis-store';
import type { SharedStore } from './store/shared-store';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SHUTDOWN_BUDGET_MS = 10_000;

export interface HubroOptions {
  config: Config;
  logger: Logger;
  /** Serve the Next.js app (false in tests that only need the API and sockets). */
  web?: boolean;
  /** Overrides where the database lives (tests: an in-memory PGlite or a fresh database). */
  database?: DatabaseHandle;
}

export interface Hubro {
  server: http.Server;
  /** The URL the server answers on (PUBLIC_URL, or localhost with the bound port). */
  url: string;
  nodeId: string;
  rooms: RoomManager;
  pool: WorkerPool;
  webcasts: WebcastRegistry;
  /** Stops accepting, closes sockets, workers, Redis and the database. Safe to call twice. */
  stop(): Promise<void>;
}

type RedisClient = import('ioredis').Redis;

/**
 * Builds and starts one Hubro node: HTTP server, database (migrated, seeded when empty),
 * shared store, mediasoup workers, Socket.IO and Next.js.
 *
 * The HTTP server listens first so /api/health can say "starting"; every other request gets
 * a 503 "starting" page until all parts are up, so Next.js never runs without its runtime.
 */
export async function startHubro(options: HubroOptions): Promise<Hubro> {
  const { config, logger } = options;
  const nodeId = randomUUID();
  let lifecycle: Lifecycle = 'starting';
  let database: DatabaseHandle | undefined;
  let store: SharedStore | undefined;
  let sfu: WorkerPool | undefined;
  let signalling: Signalling | undefined;
  let mailer: Mailer | undefined;
  let io: SignallingServer | undefined;
  let nextApp: import('next/dist/server/next').NextServer | undefined;
  let handleNext: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
  const redisClients: RedisClient[] = [];

  // Anonymous forum pages are served from memory; off in development, where pages change.
  // Stale pages are rendered again by a request to this server itself.
  const pageCache = config.dev ? null : new PageCache({}, selfRefresher(() => server));
  const metrics = createMetrics({ sfu: () => sfu, io: () => io, rooms: () => signalling?.rooms, pageCache: () => pageCache });
  const healthSources = {
    lifecycle: () => lifecycle,
    database: () => database,
    redis: () => (store?.kind === 'redis' ? store : undefined),
    redisConfigured: Boolean(config.redisUrl),
    sfu: () => sfu,
  };

  const server = http.createServer((req, res) => {
    metrics.observeRequest(req, res);
    // Replace, never trust, a client-supplied copy of our header.
    req.headers[CLIENT_IP_HEADER] = clientIp(req, config.trustProxy);
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === '/api/health') {
      void healthReport(healthSources).then(({ httpStatus, body }) => {
        res.writeHead(httpStatus, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(body));
      });
      return;
    }
    if (pathname === '/metrics') {
      void metrics.registry.metrics().then((text) => {
        res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
        res.end(text);
      });
      return;
    }
    // Search is answered here, before Next.js (see server/http/forum-search.ts).
    if (pathname === FORUM_SEARCH_PATH && lifecycle === 'ready' && database) {
      void handleForumSearch(req, res, { db: database.db, authSecret: config.authSecret!, logger });
      return;
    }
    if (lifecycle !== 'ready' || !handleNext) {
      sendStarting(res, lifecycle);
      return;
    }
    const handle = handleNext;
    const render = () =>
      handle(req, res).catch((error: unknown) => {
        logger.error({ err: error, url: req.url }, 'request failed');
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    if (pageCache) pageCache.respond(req, res, render);
    else void render();
  });
  server.keepAliveTimeout = 10_000;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      lifecycle = 'stopping';
      const started = Date.now();
      logger.info('stopping: no new connections');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Disconnects every socket, closes the rooms (and would close the server too).
      signalling?.close();
      const forceTimer = setTimeout(() => server.closeAllConnections(), SHUTDOWN_BUDGET_MS / 2);
      forceTimer.unref();
      await Promise.race([closed, delay(SHUTDOWN_BUDGET_MS / 2)]);
      clearTimeout(forceTimer);
      server.closeAllConnections();
      sfu?.close();
      mailer?.close();
      await nextApp?.close().catch(() => {});
      await store?.close();
      await Promise.all(redisClients.map((client) => client.quit().catch(() => client.disconnect())));
      await database?.close();
      setRuntime(undefined);
      logger.info({ ms: Date.now() - started }, 'stopped');
    })();
    return stopping;
  };

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const port = (server.address() as AddressInfo).port;
    if (config.port === 0 || !config.publicUrl) config.publicUrl = `http://localhost:${port}`;
    logger.info({ port }, 'listening; starting up');

    database = options.database ?? (await openDatabase(
      config.databaseUrl
        ? { kind: 'postgres', url: config.databaseUrl }
        : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') },
    ));
    logger.info({ database: database.describe }, 'database open; applying migrations');
    await database.migrate();
    if (config.seedDemo) {
      const outcome = await seedDemoContent(database.db, (message) => logger.info(message));
      if (outcome.seeded) logger.info(outcome, 'demo content added to the empty database');
    }

    let adapter: Parameters<typeof createSignalling>[1]['adapter'];
    if (config.redisUrl) {
      const { Redis } = await import('ioredis');
      const { createAdapter } = await import('@socket.io/redis-adapter');
      const connect = async (name: string) => {
        const client = new Redis(config.redisUrl!, { lazyConnect: true, connectionName: `hubro-${name}`, maxRetriesPerRequest: 3 });
        client.on('error', (error) => logger.warn({ err: error, client: name }, 'redis error'));
        redisClients.push(client);
        await client.connect();
        return client;
      };
      const main = await connect('store');
      const [pub, sub] = await Promise.all([connect('pub'), connect('sub')]);
      store = new RedisStore(main, config.redisPrefix);
      adapter = createAdapter(pub, sub, { key: `${config.redisPrefix}socket.io` });
      logger.info('redis connected (shared store and Socket.IO adapter)');
    } else {
      store = new MemoryStore();
    }

    sfu = await WorkerPool.create({
      workers: config.sfu.workers,
      workerBinary: resolveWorkerBinary(config.sfu.workerBin),
      rtcMinPort: config.sfu.rtcMinPort,
      rtcMaxPort: config.sfu.rtcMaxPort,
      logLevel: config.sfu.logLevel,
      logger,
    });

    // Every router is made from the same codec list, so its capabilities are known up front:
    // a webcast page hands them to the browser, and a viewer joins in one round trip.
    const probe = await sfu.createRouter(MEDIA_CODECS, { probe: true });
    const routerCapabilities = probe.router.rtpCapabilities;
    probe.router.close();

    signalling = createSignalling(server, {
      db: database.db,
      logger,
      authSecret: config.authSecret!,
      adapter,
      media: {
        pool: sfu,
        store,
        nodeId,
        transport: {
          listenIp: config.sfu.listenIp,
          announcedIp: config.sfu.announcedIp,
          iceServers: (userId) => turnIceServers(config.turn, userId),
        },
        emptyGraceMs: config.rooms.emptyGraceMs,
        reconnectGraceMs: config.rooms.reconnectGraceMs,
        webcastSpread: config.rooms.webcastSpread,
        recording: { dir: path.join(config.dataDir, 'recordings'), ffmpeg: config.recording.ffmpeg },
      },
    });
    io = signalling.io;

    mailer = await createMailer(config, logger);
    const liveWithCache = pageCache ? invalidatingForumLive(signalling.forumLive, pageCache) : signalling.forumLive;
    const forumLive = withEmailNotifications(liveWithCache, database.db, mailer, () => config.publicUrl);
    setRuntime({ config, logger, db: database.db, store, io, sfu, rooms: signalling.rooms, forumLive, mailer, webcasts: signalling.webcasts, routerCapabilities });

    if (options.web !== false) {
      // next-auth v4 reads its public URL from the environment; the composition root owns it.
      process.env.NEXTAUTH_URL = config.publicUrl;
      // No telemetry calls from a self-hosted hub (many run without internet access).
      process.env.NEXT_TELEMETRY_DISABLED = '1';
      const { default: next } = await import('next');
      nextApp = next({ dev: config.dev, dir: ROOT, hostname: 'localhost', port, httpServer: server }) as typeof nextApp;
      await nextApp!.prepare();
      handleNext = nextApp!.getRequestHandler() as typeof handleNext;
    }

    lifecycle = 'ready';
    logger.info({ url: config.publicUrl, database: database.kind, store: store.kind, workers: sfu.size }, 'Hubro is ready');
    return { server, url: config.publicUrl, nodeId, stop, rooms: signalling.rooms, pool: sfu, webcasts: signalling.webcasts };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}

function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

function sendStarting(res: ServerResponse, lifecycle: Lifecycle) {
  const starting = lifecycle === 'starting';
  res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'retry-after': '2', 'cache-control': 'no-store' });
  res.end(`<!doctype html><html lang="nb"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
${starting ? '<meta http-equiv="refresh" content="2">' : ''}<title>Hubro</title>
<body style="font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;color:#12343b">
<main role="status"><h1>Hubro</h1><p>${starting ? 'Starter opp …' : 'Stopper …'}</p><p lang="en">${starting ? 'Starting up …' : 'Stopping …'}</p></main>`);
}

function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
