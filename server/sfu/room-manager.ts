import type { Logger } from '../logger';
import type { SharedStore } from '../store/shared-store';
import { Room, type RoomInfo, type RoomNotifier, type TransportSettings } from './room';
import type { WorkerPool } from './worker-pool';

export interface RoomManagerOptions {
  pool: WorkerPool;
  store: SharedStore;
  nodeId: string;
  notifier: RoomNotifier;
  transport: TransportSettings;
  logger: Logger;
  /** How long an empty room keeps its router before it closes. */
  emptyGraceMs?: number;
  /** Called once for each room this node opens (e.g. to log who joins a care call). */
  onRoomOpened?: (room: Room) => void;
}

const CLAIM_TTL_MS = 60_000;

/**
 * The live rooms of this node. One Room per room id, created under a per-room lock so two
 * people joining at once cannot create two routers. Rooms whose worker dies are rebuilt on a
 * live worker.
 */
export class RoomManager {
  readonly rooms = new Map<string, Room>();
  readonly #locks = new Map<string, Promise<unknown>>();
  readonly #emptyTimers = new Map<string, NodeJS.Timeout>();
  readonly #claimTimer: NodeJS.Timeout;
  readonly #emptyGraceMs: number;
  #closed = false;

  constructor(private readonly options: RoomManagerOptions) {
    this.#emptyGraceMs = options.emptyGraceMs ?? 30_000;
    options.pool.on('workerdied', (index: number) => void this.#rebuildRoomsOn(index));
    // Keep this node's claims on its live rooms fresh in the shared registry.
    this.#claimTimer = setInterval(() => {
      for (const id of this.rooms.keys()) void options.store.roomRefresh(id, options.nodeId, CLAIM_TTL_MS).catch(() => {});
    }, CLAIM_TTL_MS / 3);
    this.#claimTimer.unref();
  }

  get(roomId: string): Room | undefined {
    return this.rooms.get(roomId);
  }

  /** Runs `fn` with the live room (created if needed), serialised per room id. */
  withRoom<T>(info: RoomInfo, fn: (room: Room) => T | Promise<T>): Promise<T> {
    return this.#locked(info.id, async () => {
      if (this.#closed) throw new Error('room manager is closed');
      let room = this.rooms.get(info.id);
      if (!room) room = await this.#create(info);
      this.#cancelEmptyTimer(info.id);
      return fn(room);
    });
  }

  stats() {
    return [...this.rooms.values()].map((room) => ({ id: room.id, slug: room.info.slug, worker: room.workerIndex, ...room.stats() }));
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#claimTimer);
    for (const timer of this.#emptyTimers.values()) clearTimeout(timer);
    for (const room of [...this.rooms.values()]) room.close();
  }

  async #create(info: RoomInfo): Promise<Room> {
    const { store, nodeId, logger } = this.options;
    const owner = await store.roomClaim(info.id, nodeId, CLAIM_TTL_MS).catch(() => nodeId);
    if (owner !== nodeId) {
      // NOTE: rooms are not piped between nodes yet; a load balancer must keep a room's
      // participants on one node (sticky by room). Logged so a split is visible.
      logger.warn({ room: info.id, owner }, 'room is also live on another node');
    }
    const room = await Room.create(info, {
      pool: this.options.pool,
      notifier: this.options.notifier,
      transport: this.options.transport,
      logger,
    });
    this.rooms.set(info.id, room);
    this.options.onRoomOpened?.(room);
    room.on('empty', () => this.#scheduleEmptyClose(room));
    room.once('closed', () => {
      this.rooms.delete(info.id);
      this.#cancelEmptyTimer(info.id);
      void store.roomRelease(info.id, nodeId).catch(() => {});
    });
    logger.info({ room: info.id, worker: room.workerIndex }, 'room opened');
    return room;
  }

  #scheduleEmptyClose(room: Room) {
    this.#cancelEmptyTimer(room.id);
    const timer = setTimeout(() => {
      void this.#locked(room.id, async () => {
        if (room.peers.size === 0 && room.holders === 0 && !room.closed) {
          room.close();
          this.options.logger.info({ room: room.id }, 'empty room closed');
        }
      });
    }, this.#emptyGraceMs);
    timer.unref();
    this.#emptyTimers.set(room.id, timer);
  }

  #cancelEmptyTimer(roomId: string) {
    const timer = this.#emptyTimers.get(roomId);
    if (timer) clearTimeout(timer);
    this.#emptyTimers.delete(roomId);
  }

  async #rebuildRoomsOn(workerIndex: number) {
    const affected = [...this.rooms.values()].filter((room) => room.workerIndex === workerIndex);
    for (const room of affected) {
      await this.#locked(room.id, async () => {
        if (room.closed) return;
        try {
          await room.rebuild();
        } catch (error) {
          this.options.logger.error({ err: error, room: room.id }, 'could not rebuild room; closing it');
          room.close();
        }
      });
    }
  }

  #locked<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(key) ?? Promise.resolve();
    const next = previous.then(fn, fn);
    const settled = next.catch(() => {});
    this.#locks.set(key, settled);
    void settled.then(() => {
      if (this.#locks.get(key) === settled) this.#locks.delete(key);
    });
    return next;
  }
}
