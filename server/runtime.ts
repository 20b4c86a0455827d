import type { Server as SocketServer } from 'socket.io';
import type { Database } from '../db/client';
import type { Config } from './config';
import type { ForumLive } from './forum/live';
import type { Logger } from './logger';
import type { Mailer } from './mail/mailer';
import type { RoomManager } from './sfu/room-manager';
import type { WebcastRegistry } from './signalling/webcast-handlers';
import type { WorkerPool } from './sfu/worker-pool';
import type { SharedStore } from './store/shared-store';

/**
 * The process-wide singletons, built once by the composition root (server/index.ts).
 *
 * NOTE: Next.js bundles app/ on its own, so a route handler that imported db/client.ts would
 * get a second module instance (and a second PGlite on the same data dir, which corrupts it).
 * Route handlers, server actions and server components read this registry instead; the value
 * lives on globalThis, which both module copies share.
 */
export interface Runtime {
  config: Config;
  logger: Logger;
  db: Database;
  store: SharedStore;
  io: SocketServer;
  sfu: WorkerPool;
  rooms: RoomManager;
  /** Broadcasts forum changes after they commit. */
  forumLive: ForumLive;
  /** Sends email only when SMTP_URL is configured (`mailer.enabled`). */
  mailer: Mailer;
  /** Live webcasts on this node; the events API tells it about status changes. */
  webcasts: WebcastRegistry;
  /** The RTP capabilities every router has (same codec list): for loading a viewer's device. */
  routerCapabilities: unknown;
}

const KEY = Symbol.for('hubro.runtime');
type Holder = { [KEY]?: Runtime };

export function setRuntime(runtime: Runtime | undefined): void {
  (globalThis as Holder)[KEY] = runtime;
}

export function getRuntime(): Runtime {
  const runtime = (globalThis as Holder)[KEY];
  if (!runtime) {
    throw new Error('The Hubro runtime is not running. Start Hubro with `npm start` or `npm run dev` (server/index.ts).');
  }
  return runtime;
}
