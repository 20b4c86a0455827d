import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { types } from 'mediasoup';
import { loadMediasoup, type MediasoupModule } from './load-mediasoup';

export interface WorkerPoolOptions {
  workers: number;
  workerBinary: string;
  rtcMinPort: number;
  rtcMaxPort: number;
  logLevel: types.WorkerLogLevel;
  logger: Logger;
}

export interface WorkerStatus {
  index: number;
  pid: number | null;
  alive: boolean;
  rtcPorts: [number, number];
  routers: number;
  transports: number;
  producers: number;
  consumers: number;
  restarts: number;
}

/** One mediasoup worker process and what it carries. */
class WorkerSlot {
  worker: types.Worker | null = null;
  routers = 0;
  transports = 0;
  producers = 0;
  consumers = 0;
  restarts = 0;

  constructor(
    readonly index: number,
    readonly rtcMinPort: number,
    readonly rtcMaxPort: number,
  ) {}

  get alive() {
    return this.worker !== null && !this.worker.closed;
  }
}

const RESPAWN_DELAY_MS = 1000;
const REPLACEMENT_WAIT_MS = 15_000;

/**
 * The mediasoup worker processes of this node, one per CPU by default.
 * NOTE: mediasoup 3.8 has no WebRtcServer, so every WebRtcTransport takes its own UDP/TCP
 * port from its worker's range. Each worker gets a disjoint slice of RTC_MIN_PORT..RTC_MAX_PORT.
 *
 * Emits `workerdied` (index) when a worker dies and `workerreplaced` (index, pid) when its
 * replacement is up. Routers on a dead worker are gone; rooms must re-create theirs.
 */
export class WorkerPool extends EventEmitter {
  readonly #slots: WorkerSlot[];
  #closed = false;

  private constructor(
    private readonly mediasoup: MediasoupModule,
    private readonly options: WorkerPoolOptions,
  ) {
    super();
    this.#slots = portSlices(options.rtcMinPort, options.rtcMaxPort, options.workers).map(
      ([min, max], index) => new WorkerSlot(index, min, max),
    );
  }

  static async create(options: WorkerPoolOptions): Promise<WorkerPool> {
    const mediasoup = await loadMediasoup(options.workerBinary);
    const pool = new WorkerPool(mediasoup, options);
    try {
      await Promise.all(pool.#slots.map((slot) => pool.#start(slot)));
    } catch (error) {
      pool.close();
      throw error;
    }
    options.logger.info(
      { workers: pool.#slots.length, rtcPorts: [options.rtcMinPort, options.rtcMaxPort], version: mediasoup.version },
      'mediasoup worker pool started',
    );
    return pool;
  }

  get size() {
    return this.#slots.length;
  }

  get closed() {
    return this.#closed;
  }

  /** mediasoup's RTP capabilities, for codec lists in rooms. */
  supportedRtpCapabilities(): types.RtpCapabilities {
    return this.mediasoup.getSupportedRtpCapabilities();
  }

  /**
   * Creates a router on the live worker that carries the fewest consumers. When every worker
   * is down (one just died), waits for a replacement.
   */
  async createRouter(mediaCodecs: types.RtpCodecCapability[], appData: Record<string, unknown> = {}, excludeWorkers: number[] = []) {
    if (!this.#slots.some((slot) => slot.alive)) await this.#replacement(REPLACEMENT_WAIT_MS);
    const slot = this.#leastLoaded(excludeWorkers);
    const router = await slot.worker!.createRouter({ mediaCodecs, appData: { ...appData, workerIndex: slot.index } });
    return { router, workerIndex: slot.index };
  }

  status(): WorkerStatus[] {
    return this.#slots.map((slot) => ({
      index: slot.index,
      pid: slot.worker?.pid ?? null,
      alive: slot.alive,
      rtcPorts: [slot.rtcMinPort, slot.rtcMaxPort],
      routers: slot.routers,
      transports: slot.transports,
      producers: slot.producers,
      consumers: slot.consumers,
      restarts: slot.restarts,
    }));
  }

  /** CPU seconds (user + system) per live worker, from getResourceUsage. */
  async cpuSeconds(): Promise<Array<{ index: number; seconds: number }>> {
    const live = this.#slots.filter((slot) => slot.alive);
    const usages = await Promise.allSettled(live.map((slot) => slot.worker!.getResourceUsage()));
    return usages.flatMap((usage, i) =>
      usage.status === 'fulfilled'
        ? // ru_utime and ru_stime are in milliseconds in mediasoup 3.8's resource usage.
          [{ index: live[i]!.index, seconds: (usage.value.ru_utime + usage.value.ru_stime) / 1000 }]
        : [],
    );
  }

  #replacement(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('workerreplaced', done);
        reject(new Error('no mediasoup worker is running'));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.once('workerreplaced', done);
    });
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    for (const slot of this.#slots) slot.worker?.close();
    this.emit('closed');
  }

  #leastLoaded(exclude: number[] = []): WorkerSlot {
    const alive = this.#slots.filter((slot) => slot.alive);
    const preferred = alive.filter((slot) => !exclude.includes(slot.index));
    const live = preferred.length > 0 ? preferred : alive;
    if (live.length === 0) throw new Error('no mediasoup worker is running');
    return live.reduce((best, slot) =>
      slot.consumers < best.consumers || (slot.consumers === best.consumers && slot.routers < best.routers) ? slot : best,
    );
  }

  async #start(slot: WorkerSlot) {
    const worker = await this.mediasoup.createWorker({
      logLevel: this.options.logLevel,
      rtcMinPort: slot.rtcMinPort,
      rtcMaxPort: slot.rtcMaxPort,
      appData: { index: slot.index },
    });
    slot.worker = worker;
    slot.routers = slot.transports = slot.producers = slot.consumers = 0;
    this.#track(slot, worker);
    worker.on('died', (error: Error) => {
      this.options.logger.error({ err: error, worker: slot.index, pid: worker.pid }, 'mediasoup worker died; replacing it');
      this.emit('workerdied', slot.index);
      slot.worker = null;
      slot.restarts += 1;
      this.#respawn(slot);
    });
  }

  #respawn(slot: WorkerSlot) {
    if (this.#closed) return;
    setTimeout(() => {
      if (this.#closed) return;
      this.#start(slot).then(
        () => {
          if (this.#closed) {
            slot.worker?.close();
            return;
          }
          this.options.logger.info({ worker: slot.index, pid: slot.worker?.pid }, 'mediasoup worker replaced');
          this.emit('workerreplaced', slot.index, slot.worker?.pid);
        },
        (error: unknown) => {
          this.options.logger.error({ err: error, worker: slot.index }, 'could not replace mediasoup worker; retrying');
          this.#respawn(slot);
        },
      );
    }, RESPAWN_DELAY_MS).unref();
  }

  /** Keeps per-worker counts current, for placement and metrics. */
  #track(slot: WorkerSlot, worker: types.Worker) {
    const current = () => slot.worker === worker;
    worker.observer.on('newrouter', (router: types.Router) => {
      slot.routers += 1;
      router.observer.once('close', () => current() && (slot.routers -= 1));
      router.observer.on('newtransport', (transport: types.Transport) => {
        slot.transports += 1;
        transport.observer.once('close', () => current() && (slot.transports -= 1));
        transport.observer.on('newproducer', (producer: types.Producer) => {
          slot.producers += 1;
          producer.observer.once('close', () => current() && (slot.producers -= 1));
        });
        transport.observer.on('newconsumer', (consumer: types.Consumer) => {
          slot.consumers += 1;
          consumer.observer.once('close', () => current() && (slot.consumers -= 1));
        });
      });
    });
  }
}

/** Splits a port range into `count` disjoint, contiguous slices. */
export function portSlices(min: number, max: number, count: number): Array<[number, number]> {
  const total = max - min + 1;
  const size = Math.floor(total / count);
  if (size < 2) {
    throw new Error(`RTC port range ${min}-${max} is too small for ${count} mediasoup workers (need 2+ ports each)`);
  }
  return Array.from({ length: count }, (_, i) => {
    const start = min + i * size;
    return [start, i === count - 1 ? max : start + size - 1] as [number, number];
  });
}
