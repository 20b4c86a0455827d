import type { Server as HttpServer } from 'node:http';
import { Server, type Namespace, type Socket } from 'socket.io';
import { socketForumLive, userRoom, type ForumLive } from '../forum/live';
import { registerForumHandlers } from './forum-handlers';
import { refuseAudienceProduce, registerWebcastHandlers, WebcastRegistry } from './webcast-handlers';
import type { ZodType } from 'zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { findUserById } from '../accounts/users';
import { forumActorOf } from '../forum/permissions';
import { acceptGuestPass } from '../rooms/guest-access';
import { recordAttendance } from '../rooms/attendance';
import type { Logger } from '../logger';
import { RoomError, type RoomNotifier, type TransportSettings } from '../sfu/room';
import { RoomManager } from '../sfu/room-manager';
import type { WorkerPool } from '../sfu/worker-pool';
import type { SharedStore } from '../store/shared-store';
import type {
  Ack,
  AckFn,
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SignallingErrorCode,
  SocketData,
} from './contract';
import { ackError, SignallingError } from './errors';
import { registerRoomHandlers } from './room-handlers';
import { readSessionCookie } from './session-cookie';
import { MAX_EVENT_BYTES, SocketBudgets, type BudgetName } from './socket-limits';

export type SignallingServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type SignallingSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface SignallingDeps {
  db: Database;
  logger: Logger;
  authSecret: string;
  /** Socket.IO adapter constructor (the Redis adapter when REDIS_URL is set). */
  adapter?: Parameters<Server['adapter']>[0];
  /** Meeting rooms on this node's mediasoup workers. */
  media: {
    pool: WorkerPool;
    store: SharedStore;
    nodeId: string;
    transport: TransportSettings;
    emptyGraceMs: number;
    reconnectGraceMs: number;
    /** Webcast viewers per audience router before spreading to another worker. */
    webcastSpread?: number;
    recording: { dir: string; ffmpeg: string | undefined };
  };
}

/** Payloads are small JSON messages; media never goes through Socket.IO. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

export interface Signalling {
  io: SignallingServer;
  webcasts: WebcastRegistry;
  /** Read-only namespace for anonymous readers of public forum categories. */
  publicNamespace: Namespace;
  rooms: RoomManager;
  forumLive: ForumLive;
  close(): void;
}

/** Builds a handler for one socket: validation, budgets, acks, error mapping. */
export type HandlerFactory = <S extends ZodType, R>(
  schema: S,
  run: (input: z.output<S>) => Promise<R>,
  /** Budgets this event spends; by default the general `events` budget. */
  options?: { budgets?: BudgetName[] },
) => (payload: unknown, ack: unknown) => Promise<void>;

/**
 * Attaches Socket.IO to the HTTP server. Every socket is authenticated from the next-auth
 * session cookie during the handshake; anonymous and forged handshakes are refused.
 */
export function createSignalling(httpServer: HttpServer, deps: SignallingDeps): Signalling {
  const io: SignallingServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    // Next.js handles other upgrade requests (its dev-mode hot reload), so leave them alone.
    destroyUpgrade: false,
    allowRequest: (req, callback) => {
      const refusal = crossOriginRefusal(req.headers.origin, req.headers.host);
      callback(refusal, refusal === null);
    },
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
  });

  const notifier: RoomNotifier = {
    toPeer(peer, event, ...args) {
      (io.to(peer.socketId).emit as (e: string, ...a: unknown[]) => boolean)(event, ...args);
    },
    toRoom(room, event, except, ...args) {
      const target = except ? io.to(`room:${room.id}`).except(except.socketId) : io.to(`room:${room.id}`);
      (target.emit as (e: string, ...a: unknown[]) => boolean)(event, ...args);
    },
    toSocket(socketId, event, ...args) {
      (io.to(socketId).emit as (e: string, ...a: unknown[]) => boolean)(event, ...args);
    },
  };
  const rooms = new RoomManager({
    pool: deps.media.pool,
    store: deps.media.store,
    nodeId: deps.media.nodeId,
    notifier,
    transport: deps.media.transport,
    logger: deps.logger,
    emptyGraceMs: deps.media.emptyGraceMs,
    onRoomOpened: (room) => {
      // A care call keeps who joined and when, for the institution's log, and nothing else.
      if (room.info.kind === 'care') recordAttendance(deps.db, room, deps.logger);
    },
  });
  const graceTimers = new Map<string, NodeJS.Timeout>();
  // Anonymous and read-only: forum watching and watching public webcasts, nothing else.
  const publicNamespace = io.of('/public');
  const webcasts = new WebcastRegistry({
    io,
    publicNamespace,
    db: deps.db,
    store: deps.media.store,
    rooms,
    pool: deps.media.pool,
    transport: deps.media.transport,
    logger: deps.logger,
    spreadThreshold: deps.media.webcastSpread,
    recording: deps.media.recording,
  });

  io.use(async (socket, next) => {
    try {
      const claims = await readSessionCookie(socket.handshake.headers.cookie, deps.authSecret);
      const user = claims && (await findUserById(deps.db, claims.userId));
      const guestPass = !user ? (socket.handshake.auth as { guestPass?: unknown } | undefined)?.guestPass : undefined;
      if (guestPass !== undefined) {
        // No account: an invited school or a studio kiosk, let into one room by a guest pass.
        const guest = await acceptGuestPass(deps.db, deps.authSecret, guestPass);
        if (!guest.ok) {
          next(Object.assign(new Error(guest.code), { data: { code: guest.code } }));
          return;
        }
        socket.data.user = { id: guest.pass.sub, name: guest.pass.name, role: 'guest', locale: guest.pass.locale };
        socket.data.guest = { roomId: guest.pass.room, via: guest.pass.via, ref: guest.pass.ref };
        next();
        return;
      }
      if (!user) {
        next(Object.assign(new Error('unauthorized'), { data: { code: 'unauthorized' } }));
        return;
      }
      socket.data.user = {
        id: user.id,
        name: user.displayName,
        role: user.role,
        locale: user.locale === 'en' ? 'en' : 'nb',
      };
      socket.data.forumActor = forumActorOf(user);
      next();
    } catch (error) {
      deps.logger.error({ err: error }, 'socket handshake failed');
      next(Object.assign(new Error('internal'), { data: { code: 'internal' } }));
    }
  });

  io.on('connection', (socket) => {
    const on = handlerFactory(socket, deps.logger);
    if (socket.data.guest) {
      // A guest speaks only to its room: no forum, webcasts or notifications.
      socket.on('session:whoami', on(z.object({}).strict(), async () => socket.data.user));
      registerRoomHandlers(
        socket,
        on,
        { db: deps.db, logger: deps.logger, authSecret: deps.authSecret, rooms, reconnectGraceMs: deps.media.reconnectGraceMs },
        graceTimers,
      );
      return;
    }
    // Notifications for this member reach all of their tabs.
    void socket.join(userRoom(socket.data.user.id));
    socket.on('session:whoami', on(z.object({}).strict(), async () => socket.data.user));
    registerForumHandlers(socket, on, deps.db, () => socket.data.forumActor ?? null);
    registerWebcastHandlers(socket, on, webcasts, { db: deps.db, logger: deps.logger, rooms });
    registerRoomHandlers(
      socket,
      on,
      { db: deps.db, logger: deps.logger, authSecret: deps.authSecret, rooms, reconnectGraceMs: deps.media.reconnectGraceMs },
      graceTimers,
    );
  });

  publicNamespace.on('connection', (socket) => {
    const on = handlerFactory(socket as unknown as SignallingSocket, deps.logger, 'nb');
    registerForumHandlers(socket, on, deps.db, () => null);
    registerWebcastHandlers(socket, on, webcasts, { db: deps.db, logger: deps.logger, rooms });
    refuseAudienceProduce(socket, deps.logger);
  });

  return {
    io,
    publicNamespace,
    webcasts,
    rooms,
    forumLive: socketForumLive(io, publicNamespace),
    close() {
      for (const timer of graceTimers.values()) clearTimeout(timer);
      webcasts.close();
      rooms.close();
      io.close();
    },
  };
}

/**
 * Wraps a socket's request handlers: counts the event against the socket's budgets, refuses
 * oversized payloads, validates with zod, answers through the ack and never throws to the
 * transport. Known errors keep their code; unknown ones are logged and sent as `internal`,
 * in the user's language.
 */
export function handlerFactory(socket: SignallingSocket, logger: Logger, fallbackLocale: 'nb' | 'en' = 'nb'): HandlerFactory {
  const budgets = new SocketBudgets();
  return (schema, run, options = {}) =>
    async (payload, ack) => {
      const reply = (typeof ack === 'function' ? ack : () => {}) as AckFn<unknown>;
      const locale = socket.data.user?.locale ?? fallbackLocale;
      const fail = (code: SignallingErrorCode) => reply({ ok: false, error: ackError(code, locale) });
      if (!(options.budgets ?? ['events']).every((name) => budgets.take(name))) return fail('rate_limited');
      if (payloadTooLarge(payload)) return fail('bad_request');
      const parsed = schema.safeParse(payload ?? {});
      if (!parsed.success) return fail('bad_request');
      let response: Ack<unknown>;
      try {
        response = { ok: true, data: await run(parsed.data) };
      } catch (error) {
        if (error instanceof SignallingError || error instanceof RoomError) {
          response = { ok: false, error: ackError(error.code, locale) };
        } else {
          logger.error({ err: error, user: socket.data.user?.id }, 'socket handler failed');
          response = { ok: false, error: ackError('internal', locale) };
        }
      }
      reply(response);
    };
}

function payloadTooLarge(payload: unknown): boolean {
  try {
    return JSON.stringify(payload ?? null).length > MAX_EVENT_BYTES;
  } catch {
    return true;
  }
}

/** Browsers always send Origin; refuse a cross-site page that tries to ride the cookie. */
function crossOriginRefusal(origin: string | undefined, host: string | undefined): string | null {
  if (!origin) return null; // non-browser clients (tests, native apps) still need the cookie
  try {
    return new URL(origin).host === host ? null : 'cross-origin request refused';
  } catch {
    return 'bad origin';
  }
}
