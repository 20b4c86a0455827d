import { randomBytes, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { types } from 'mediasoup';
import type { Logger } from '../logger';
import type { ConsumerCreated, MediaSource, TransportOptions } from '../signalling/contract';
import { MEDIA_CODECS, type Room, type TransportSettings } from './room';
import type { WorkerPool } from './worker-pool';

/** One place audience consumers are served from: the stage router, or a router on another worker. */
interface AudienceSlot {
  router: types.Router;
  workerIndex: number;
  /** Stage producer id → the producer viewers consume on this router (piped, or the original). */
  producers: Map<string, types.Producer>;
  viewers: number;
  /** Serialises pipe set-up per slot. */
  ready: Promise<void>;
}

export interface Viewer {
  id: string;
  socketId: string;
  /** Null for an anonymous viewer of a public event. */
  userId: string | null;
  nickname: string;
  audioOnly: boolean;
  chatMuted: boolean;
  rtpCapabilities: types.RtpCapabilities;
  transport: types.WebRtcTransport | types.PlainTransport;
  slot: AudienceSlot;
  /** Consumer id → consumer. */
  consumers: Map<string, types.Consumer>;
}

export interface WebcastNotifier {
  toViewer(viewer: Viewer, event: 'webcast:consumer-created' | 'webcast:consumer-closed', payload: unknown): void;
}

export interface WebcastOptions {
  stage: Room;
  pool: WorkerPool;
  transport: TransportSettings;
  notifier: WebcastNotifier;
  logger: Logger;
  /** Viewers per slot before the audience spreads to a router on another worker. */
  spreadThreshold?: number;
}

/**
 * The audience side of a webcast. The stage is a backstage Room (performers with full
 * two-way video); its producers are piped (pipeToRouter) to routers on the other workers, and
 * viewers are spread over those routers by consumer count, so one concert uses every core.
 * Viewers only receive: they have one recv transport and no way to produce.
 */
export class Webcast extends EventEmitter {
  readonly viewers = new Map<string, Viewer>();
  readonly slots: AudienceSlot[] = [];
  peakViewers = 0;
  #closed = false;
  readonly #threshold: number;
  /** A router being opened for the audience on another worker; joins wait for it. */
  #spreading: Promise<void> | null = null;
  readonly #onProducer: (peer: unknown, producer: types.Producer) => void;
  #stageRouter: types.Router;

  constructor(private readonly options: WebcastOptions) {
    super();
    this.#threshold = options.spreadThreshold ?? 50;
    this.#stageRouter = options.stage.router;
    this.slots.push(this.#slot(options.stage.router, options.stage.workerIndex));
    this.#onProducer = (_peer, producer) => void this.#stageProducerAdded(producer);
    options.stage.on('producer', this.#onProducer);
  }

  get closed() {
    return this.#closed;
  }

  /** The router the stage's producers live on (recording consumes from it). */
  get stageRouter(): types.Router {
    return this.#stageRouter;
  }

  /** The stage's producers that the audience sees and hears. */
  stageProducers(): types.Producer[] {
    const producers: types.Producer[] = [];
    for (const peer of this.options.stage.peers.values()) for (const producer of peer.producers.values()) producers.push(producer);
    return producers;
  }

  /**
   * Admits a viewer: picks the least-loaded slot (adding a router on another worker when all
   * are past the threshold), creates its recv transport and paused consumers of the stage, all
   * in one step so a join is one round trip plus transport set-up.
   */
  async join(input: { socketId: string; userId: string | null; nickname: string; rtpCapabilities: types.RtpCapabilities; audioOnly: boolean }) {
    if (this.#closed) throw new Error('webcast closed');
    this.#rebuildIfStageMoved();
    const slot = await this.#pickSlot();
    const { listenIp, announcedIp } = this.options.transport;
    const transport = await this.#reserved(slot, async () => {
      await slot.ready;
      return slot.router.createWebRtcTransport({
        listenIps: [{ ip: listenIp, announcedIp }],
        enableUdp: true,
        enableTcp: true,
        preferUdp: true,
        initialAvailableOutgoingBitrate: 1_000_000,
        appData: { webcastViewer: true },
      });
    });
    const viewer: Viewer = {
      id: randomUUID(),
      socketId: input.socketId,
      userId: input.userId,
      nickname: input.nickname,
      audioOnly: input.audioOnly,
      chatMuted: false,
      rtpCapabilities: input.rtpCapabilities,
      transport,
      slot,
      consumers: new Map(),
    };
    this.viewers.set(viewer.id, viewer);
    this.peakViewers = Math.max(this.peakViewers, this.viewers.size);
    const consumers: ConsumerCreated[] = [];
    for (const producer of this.stageProducers()) {
      const created = await this.#consume(viewer, producer, false);
      if (created) consumers.push(created);
    }
    this.emit('viewers', this.viewers.size);
    const options: TransportOptions = {
      id: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
      iceServers: this.options.transport.iceServers(input.userId ?? `viewer-${viewer.id}`),
    };
    return { viewer, transport: options, consumers };
  }

  async connect(viewer: Viewer, dtlsParameters: types.DtlsParameters) {
    await (viewer.transport as types.WebRtcTransport).connect({ dtlsParameters });
  }

  /**
   * A server-side viewer without ICE or DTLS: the stage's media go as (S)RTP to a UDP address.
   * Same slot choice, pipes and consumers as a browser viewer; for restreaming and for the
   * load benchmark's lightweight subscribers. Not reachable from the socket contract.
   */
  async joinPlain(input: { destination: { ip: string; port: number }; srtp: boolean; rtpCapabilities: types.RtpCapabilities; audioOnly: boolean }) {
    if (this.#closed) throw new Error('webcast closed');
    const slot = await this.#pickSlot();
    const transport = await this.#reserved(slot, async () => {
      await slot.ready;
      const plain = await slot.router.createPlainTransport({
        listenIp: { ip: input.destination.ip },
        rtcpMux: true,
        comedia: false,
        enableSrtp: input.srtp,
        srtpCryptoSuite: 'AES_CM_128_HMAC_SHA1_80',
      });
      try {
        await plain.connect({
          ip: input.destination.ip,
          port: input.destination.port,
          ...(input.srtp ? { srtpParameters: { cryptoSuite: 'AES_CM_128_HMAC_SHA1_80', keyBase64: randomBytes(30).toString('base64') } } : {}),
        });
      } catch (error) {
        plain.close();
        throw error;
      }
      return plain;
    });
    const viewer: Viewer = {
      id: randomUUID(),
      socketId: '',
      userId: null,
      nickname: 'plain',
      audioOnly: input.audioOnly,
      chatMuted: true,
      rtpCapabilities: input.rtpCapabilities,
      transport,
      slot,
      consumers: new Map(),
    };
    this.viewers.set(viewer.id, viewer);
    this.peakViewers = Math.max(this.peakViewers, this.viewers.size);
    for (const producer of this.stageProducers()) await this.#consume(viewer, producer, false);
    this.emit('viewers', this.viewers.size);
    return viewer;
  }

  /** The browser has the consumers: start the media. */
  async resume(viewer: Viewer, consumerIds: string[]) {
    for (const id of consumerIds) {
      const consumer = viewer.consumers.get(id);
      if (consumer?.paused) await consumer.resume();
    }
  }

  /**
   * Quality choice: audio only closes the viewer's video consumers on the server (nothing is
   * sent), back to video creates them again; the player size picks the simulcast layer.
   */
  async setQuality(viewer: Viewer, quality: { audioOnly: boolean; width?: number; height?: number }) {
    if (quality.audioOnly !== viewer.audioOnly) {
      viewer.audioOnly = quality.audioOnly;
      if (quality.audioOnly) {
        for (const consumer of [...viewer.consumers.values()]) if (consumer.kind === 'video') consumer.close();
      } else {
        for (const producer of this.stageProducers()) {
          if (producer.kind === 'video') await this.#consume(viewer, producer, true);
        }
      }
    }
    if (quality.width !== undefined && quality.height !== undefined) {
      const spatialLayer = quality.height >= 450 || quality.width >= 800 ? 2 : quality.height >= 180 || quality.width >= 320 ? 1 : 0;
      for (const consumer of viewer.consumers.values()) {
        if (consumer.type === 'simulcast') await consumer.setPreferredLayers({ spatialLayer, temporalLayer: 2 }).catch(() => {});
      }
    }
  }

  leave(viewer: Viewer) {
    if (!this.viewers.delete(viewer.id)) return;
    viewer.slot.viewers -= 1;
    viewer.transport.close();
    this.emit('viewers', this.viewers.size);
  }

  stats() {
    return {
      viewers: this.viewers.size,
      peak: this.peakViewers,
      slots: this.slots.map((s) => ({ workerIndex: s.workerIndex, viewers: s.viewers, piped: s.router !== this.#stageRouter })),
    };
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    this.options.stage.off('producer', this.#onProducer);
    for (const viewer of this.viewers.values()) viewer.transport.close();
    this.viewers.clear();
    for (const slot of this.slots) if (slot.router !== this.#stageRouter) slot.router.close();
    this.emit('closed');
  }

  #slot(router: types.Router, workerIndex: number): AudienceSlot {
    return { router, workerIndex, producers: new Map(), viewers: 0, ready: Promise.resolve() };
  }

  /** After a worker death the stage room has a new router: start the audience over on it. */
  #rebuildIfStageMoved() {
    if (this.options.stage.router === this.#stageRouter) return;
    for (const viewer of this.viewers.values()) viewer.transport.close();
    this.viewers.clear();
    for (const slot of this.slots) if (slot.router !== this.#stageRouter) slot.router.close();
    this.slots.length = 0;
    this.#stageRouter = this.options.stage.router;
    this.slots.push(this.#slot(this.#stageRouter, this.options.stage.workerIndex));
  }

  /**
   * The least-loaded slot, with a place on it already counted: joins that arrive together
   * spread by the places taken, not only by the viewers whose transports exist. When every
   * slot is past the threshold, one join at a time opens a router on a worker that has none
   * (piping needs another worker; mediasoup 3.8 cannot pipe within one); the others wait for
   * it and pick again, so a burst of joins opens one router, not one each.
   */
  async #pickSlot(): Promise<AudienceSlot> {
    for (;;) {
      while (this.#spreading) await this.#spreading.catch(() => undefined);
      const least = this.slots.reduce((a, b) => (b.viewers < a.viewers ? b : a));
      const used = new Set(this.slots.map((s) => s.workerIndex));
      const free = least.viewers < this.#threshold ? [] : this.options.pool.status().filter((w) => w.alive && !used.has(w.index));
      if (free.length === 0) {
        least.viewers += 1;
        return least;
      }
      this.#spreading = (async () => {
        const { router, workerIndex } = await this.options.pool.createRouter(MEDIA_CODECS, { webcast: this.options.stage.id }, [...used]);
        const slot = this.#slot(router, workerIndex);
        slot.ready = (async () => {
          for (const producer of this.stageProducers()) await this.#pipe(slot, producer);
        })();
        this.slots.push(slot);
        this.options.logger.info({ webcast: this.options.stage.id, worker: workerIndex, slots: this.slots.length }, 'audience spread to another worker');
      })();
      try {
        await this.#spreading;
      } finally {
        this.#spreading = null;
      }
    }
  }

  /** Runs a viewer's set-up on its reserved slot; the place is given back if it fails. */
  async #reserved<T>(slot: AudienceSlot, setUp: () => Promise<T>): Promise<T> {
    try {
      return await setUp();
    } catch (error) {
      slot.viewers -= 1;
      throw error;
    }
  }

  async #pipe(slot: AudienceSlot, producer: types.Producer): Promise<types.Producer | undefined> {
    if (slot.router === this.#stageRouter) return producer;
    const existing = slot.producers.get(producer.id);
    if (existing) return existing;
    const { pipeProducer } = await this.#stageRouter.pipeToRouter({ producerId: producer.id, router: slot.router });
    if (!pipeProducer) return undefined;
    slot.producers.set(producer.id, pipeProducer);
    pipeProducer.observer.once('close', () => slot.producers.delete(producer.id));
    return pipeProducer;
  }

  /** A performer started a new track: pipe it everywhere and give it to every viewer. */
  async #stageProducerAdded(producer: types.Producer) {
    if (this.#closed) return;
    for (const slot of this.slots) {
      slot.ready = slot.ready.then(() => this.#pipe(slot, producer).then(() => undefined));
      await slot.ready.catch(() => {});
    }
    for (const viewer of this.viewers.values()) await this.#consume(viewer, producer, true);
  }

  async #consume(viewer: Viewer, stageProducer: types.Producer, announce: boolean): Promise<ConsumerCreated | undefined> {
    if (viewer.audioOnly && stageProducer.kind === 'video') return undefined;
    const producer = await this.#pipe(viewer.slot, stageProducer);
    if (!producer || producer.closed) return undefined;
    if (!viewer.slot.router.canConsume({ producerId: producer.id, rtpCapabilities: viewer.rtpCapabilities })) return undefined;
    for (const c of viewer.consumers.values()) if (c.producerId === producer.id) return undefined;
    // Browsers confirm before media flows (paused); server-side viewers have nobody to wait for.
    const consumer = await viewer.transport.consume({ producerId: producer.id, rtpCapabilities: viewer.rtpCapabilities, paused: Boolean(viewer.socketId) });
    viewer.consumers.set(consumer.id, consumer);
    const closed = () => {
      if (!viewer.consumers.delete(consumer.id)) return;
      if (this.viewers.has(viewer.id) && viewer.socketId) this.options.notifier.toViewer(viewer, 'webcast:consumer-closed', { consumerId: consumer.id });
    };
    consumer.on('producerclose', closed);
    consumer.on('transportclose', () => viewer.consumers.delete(consumer.id));
    consumer.observer.once('close', closed);
    const created: ConsumerCreated = {
      consumerId: consumer.id,
      producerId: stageProducer.id,
      peerId: String(stageProducer.appData.peerId),
      kind: consumer.kind,
      source: stageProducer.appData.source as MediaSource,
      rtpParameters: consumer.rtpParameters,
      type: consumer.type === 'pipe' ? 'simple' : consumer.type,
      producerPaused: consumer.producerPaused,
    };
    if (announce && viewer.socketId) this.options.notifier.toViewer(viewer, 'webcast:consumer-created', created);
    return created;
  }
}
