import { randomBytes } from 'node:crypto';
import type { Hubro } from '../../server/hubro';
import type { Peer } from '../../server/sfu/peer';
import type { Room } from '../../server/sfu/room';
import type { MediaSource } from '../../server/signalling/contract';
import type { Audience, SinkSnapshot } from './audience-client';
import { foreignCpuSeconds, kernelThreadCpuSeconds, sampleCpu, udpDropsByPort, type CpuSample } from './system-stats';

// mediasoup's types without importing mediasoup outside server/sfu (docs/CONVENTIONS, MEDIASOUP.md).
type Consumer = Peer['consumers'] extends Map<string, infer C> ? C : never;
type Producer = Peer['producers'] extends Map<string, infer P> ? P : never;
type RtpCapabilities = Room['router']['rtpCapabilities'];
type Router = Room['router'];

export const LISTEN_IP = '127.0.0.1';
/** Every SAMPLE_EVERY-th consumer of a room gets a reading sink of its own; the rest go to the drop sink. */
const SAMPLE_EVERY = 20;

/**
 * Where consumers of a room's camera are made: on the room's own router, or (bare only) on a
 * router of another worker that the producer was piped to.
 */
export interface Target {
  key: string;
  room: Room;
  /** A router the room's producer was piped to (pipeToRouter); unset: the room's own router. */
  router?: Router;
  workerIndex: number;
}

export function roomTarget(room: Room): Target {
  return { key: room.id, room, workerIndex: room.workerIndex };
}

export interface LoadConsumer {
  consumer: Consumer;
  /**
   * Further consumers on the same transport, sent to the same sink: a webcast viewer's audio
   * beside its video. Counted and checked like `consumer`; the load counts receivers, not streams.
   */
  companions?: Consumer[];
  /** The room whose camera this consumes (its producer's layers are the reference). */
  room: Room;
  target: Target;
  workerIndex: number;
  port: number;
  sampled: boolean;
  ssrc: number;
  close(): Promise<void>;
}

/**
 * The media receivers of a plain (S)RTP sink: router capabilities without transport-wide-cc
 * and REMB. A sink that never sends RTCP feedback must not advertise congestion control,
 * or mediasoup would start its bandwidth estimator at 600 kbit/s and, hearing nothing, never
 * let the consumer up to the 720p layer.
 */
export function sinkCapabilities(router: Room['router']): RtpCapabilities {
  const caps = structuredClone(router.rtpCapabilities);
  caps.headerExtensions = (caps.headerExtensions ?? []).filter(
    (ext) => !ext.uri.includes('transport-wide-cc') && !ext.uri.includes('abs-send-time'),
  );
  for (const codec of caps.codecs ?? []) {
    codec.rtcpFeedback = (codec.rtcpFeedback ?? []).filter((fb) => fb.type !== 'transport-cc' && fb.type !== 'goog-remb');
  }
  return caps;
}

export function sourceProducer(room: Room, source: MediaSource): { peer: Peer; producer: Producer } {
  for (const peer of room.peers.values()) {
    for (const producer of peer.producers.values()) if (producer.appData.source === source) return { peer, producer };
  }
  throw new Error(`room ${room.info.slug} has no ${source} producer`);
}

export function cameraProducer(room: Room): { peer: Peer; producer: Producer } {
  return sourceProducer(room, 'camera');
}

/** Every consumer of a receiver: its main one and its companions. */
function streamsOf(c: LoadConsumer): Consumer[] {
  return c.companions?.length ? [c.consumer, ...c.companions] : [c.consumer];
}

export const ssrcOf = (consumer: Consumer) => consumer.rtpParameters.encodings![0]!.ssrc!;

/** The UDP port on which the worker receives the publisher's media (for its kernel drop counter). */
export function publisherPort(room: Room): number | undefined {
  const { peer } = cameraProducer(room);
  for (const transport of peer.transports.values()) {
    if (transport.appData.direction !== 'send') continue;
    if ('iceSelectedTuple' in transport) return transport.iceSelectedTuple?.localPort;
    // A plain sender (the webcast benchmark's RTP performer).
    if ('tuple' in transport) return transport.tuple.localPort;
  }
  return undefined;
}

/** Hands out sink ports: a reading sink for every SAMPLE_EVERY-th consumer while there are free ones. */
export class SinkPorts {
  readonly #free: number[];
  readonly #counters = new Map<string, number>();

  /** `sampleEvery`: an odd number spreads the samples when receivers alternate between two workers. */
  constructor(
    readonly dropPort: number,
    samplePorts: number[],
    readonly sampleEvery = SAMPLE_EVERY,
  ) {
    this.#free = [...samplePorts];
  }

  take(key: string): { port: number; sampled: boolean } {
    const index = this.#counters.get(key) ?? 0;
    this.#counters.set(key, index + 1);
    if (index % this.sampleEvery === 0 && this.#free.length > 0) return { port: this.#free.shift()!, sampled: true };
    return { port: this.dropPort, sampled: false };
  }

  give(port: number, key: string) {
    this.#counters.set(key, Math.max(0, (this.#counters.get(key) ?? 1) - 1));
    if (port !== this.dropPort) this.#free.unshift(port);
  }

  reset() {
    this.#counters.clear();
  }
}

async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

export interface Load {
  readonly path: 'bare' | 'hubro';
  readonly consumers: LoadConsumer[];
  grow(target: Target, count: number): Promise<void>;
  shrink(target: Target, count: number): Promise<void>;
}

/**
 * The baseline: PlainTransport consumers of the room's producer, made directly with the
 * mediasoup API on the same router: no Room, no Peer, no sockets, no pause/resume handshake.
 * Transport options are the ones Room.createPlainReceiver uses, so only Hubro's path differs.
 * `sources`: what each receiver consumes on its one transport (the first is its main consumer);
 * a target's router must have each of them (piped there when it is not the room's).
 */
export class BareLoad implements Load {
  readonly path = 'bare' as const;
  readonly consumers: LoadConsumer[] = [];

  constructor(
    private readonly ports: SinkPorts,
    private readonly sources: MediaSource[] = ['camera'],
  ) {}

  async grow(target: Target, count: number) {
    const { room } = target;
    const router = target.router ?? room.router;
    // A piped producer keeps the id of the original.
    const producers = this.sources.map((source) => sourceProducer(room, source).producer);
    const caps = sinkCapabilities(router);
    const key = `bare:${target.key}`;
    // Each receiver is tracked as soon as it exists, so a failed batch leaves none behind.
    await inBatches(Array.from({ length: count }), 20, async () => {
      const { port, sampled } = this.ports.take(key);
      let transport: Awaited<ReturnType<Router['createPlainTransport']>> | undefined;
      const consumers: Consumer[] = [];
      try {
        transport = await router.createPlainTransport({
          listenIp: { ip: LISTEN_IP },
          rtcpMux: true,
          comedia: false,
          enableSrtp: true,
          srtpCryptoSuite: 'AES_CM_128_HMAC_SHA1_80',
          appData: { bench: 'bare' },
        });
        await transport.connect({
          ip: LISTEN_IP,
          port,
          srtpParameters: { cryptoSuite: 'AES_CM_128_HMAC_SHA1_80', keyBase64: randomBytes(30).toString('base64') },
        });
        for (const producer of producers) consumers.push(await transport.consume({ producerId: producer.id, rtpCapabilities: caps }));
      } catch (error) {
        transport?.close();
        this.ports.give(port, key);
        throw error;
      }
      const made = transport;
      const [consumer, ...companions] = consumers as [Consumer, ...Consumer[]];
      this.consumers.push({
        consumer,
        companions,
        room,
        target,
        workerIndex: target.workerIndex,
        port,
        sampled,
        ssrc: ssrcOf(consumer),
        close: async () => {
          made.close();
          this.ports.give(port, key);
        },
      });
    });
  }

  shrink(target: Target, count: number) {
    return closeLatest(this, target, count);
  }
}

/** Closes the `count` receivers of `target` that came last (a load's shrink without signalling). */
export async function closeLatest(load: Load, target: Target, count: number) {
  const mine = load.consumers.filter((c) => c.target.key === target.key).slice(-count);
  for (const c of mine) {
    await c.close();
    load.consumers.splice(load.consumers.indexOf(c), 1);
  }
}

/**
 * Hubro's path: each subscriber is a real Socket.IO client in the audience process that
 * room:joins (admission, Room.addPeer, peer:joined to everyone), gets a server-side
 * Room.createPlainReceiver (SRTP, like WebRTC) and Room.ready, receives consumer:created and
 * answers consumer:resume + consumer:preferences; the consumer starts paused and the Room
 * resumes it on that answer, as for a browser.
 */
export class HubroLoad implements Load {
  readonly path = 'hubro' as const;
  readonly consumers: LoadConsumer[] = [];
  readonly #clientOf = new Map<LoadConsumer, number>();

  constructor(
    private readonly ports: SinkPorts,
    private readonly audience: Audience,
    private readonly node: Hubro,
    private readonly userId: string,
  ) {}

  async grow(target: Target, count: number) {
    if (target.router) throw new Error('Hubro does not pipe rooms between workers');
    const { room } = target;
    // NOTE: rooms are capped at 500 peers (a product limit, also a database check). The
    // benchmark measures forwarding per worker beyond that, so it lifts the cap of the live
    // room in memory only; nothing else about the join path changes.
    room.info.capacity = Math.max(room.info.capacity, 100_000);
    const caps = sinkCapabilities(room.router);
    const key = `hubro:${room.id}`;
    const joined = await this.audience.join(this.node.url, this.userId, room.info.slug, count);
    const made = await inBatches(joined, 20, async ({ clientId, peerId }) => {
      const peer = room.peers.get(peerId);
      if (!peer) throw new Error(`peer ${peerId} is not in the room`);
      const { port, sampled } = this.ports.take(key);
      await room.createPlainReceiver(peer, { ip: LISTEN_IP, port }, true);
      const created = await room.ready(peer, caps);
      if (created !== 1) throw new Error(`expected 1 consumer for ${peerId}, got ${created}`);
      const consumer = [...peer.consumers.values()][0]!;
      const entry: LoadConsumer = {
        consumer,
        room,
        target,
        workerIndex: room.workerIndex,
        port,
        sampled,
        ssrc: ssrcOf(consumer),
        close: async () => {
          this.ports.give(port, key);
        },
      };
      this.#clientOf.set(entry, clientId);
      return entry;
    });
    this.consumers.push(...made);
    // Consumers start paused; the clients' consumer:resume starts them.
    const deadline = Date.now() + 60_000;
    while (made.some((c) => c.consumer.paused && !c.consumer.closed)) {
      if (Date.now() > deadline) throw new Error(`${made.filter((c) => c.consumer.paused).length} consumers were never resumed`);
      await delay(100);
    }
  }

  async shrink(target: Target, count: number) {
    const mine = this.consumers.filter((c) => c.target.key === target.key).slice(-count);
    // room:leave removes the peer at once (closing its receiver), as a browser leaving does.
    await this.audience.leave(mine.map((c) => this.#clientOf.get(c)!));
    for (const c of mine) {
      await c.close();
      this.#clientOf.delete(c);
      this.consumers.splice(this.consumers.indexOf(c), 1);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// One measured step
// ---------------------------------------------------------------------------------------------

interface LayerStat {
  rid?: string;
  ssrc: number;
  packetCount: number;
  byteCount: number;
  packetsLost: number;
  nackCount: number;
  timestamp: number;
}

interface Snapshot {
  wall: number;
  /** By producer id. */
  producers: Map<string, LayerStat[]>;
  consumers: Map<string, { packetCount: number; byteCount: number; timestamp: number }>;
  sinks: SinkSnapshot[];
  workerCpu: Map<number, number>;
  cpu: CpuSample;
  drops: Map<number, number>;
}

export interface StepContext {
  node: Hubro;
  audience: Audience;
  ports: SinkPorts;
  rooms: Room[];
  /** Groups the processes under this one for CPU accounting (workers, chromium, audience, node). */
  classify: (pid: number, comm: string) => string;
  /** The publisher's top-layer rate once it had settled, per room id: the stream the load is judged on. */
  baselineTopKbps: Map<string, number>;
  publisherStats?: () => Promise<unknown>;
  say: (message: string) => void;
  /**
   * The performer is a file sender (the webcast benchmark's RTP performer), not an encoder with
   * congestion control: its 720p layer is judged at the SFU by rate and by the producer's score
   * (mediasoup's, round(10 × delivered⁴) per report interval: 10 at no loss, 9 up to about 4 % lost).
   */
  fileSender?: boolean;
  /** Waits (within the run's budget) for other processes to calm down; false when out of budget. */
  awaitQuiet: (before: string) => Promise<boolean>;
}

/**
 * The producers a step is judged against, by id: each room's camera, and whatever else the
 * load's consumers receive (a piped producer keeps the id of the original).
 */
function referenceProducers(ctx: StepContext, load: Load): Map<string, { room: Room; producer: Producer }> {
  const consumed = new Set(load.consumers.flatMap((c) => streamsOf(c).map((consumer) => consumer.producerId)));
  const out = new Map<string, { room: Room; producer: Producer }>();
  for (const room of ctx.rooms) {
    const camera = cameraProducer(room).producer;
    out.set(camera.id, { room, producer: camera });
    for (const peer of room.peers.values()) {
      for (const producer of peer.producers.values()) if (consumed.has(producer.id)) out.set(producer.id, { room, producer });
    }
  }
  return out;
}

async function snapshot(
  ctx: StepContext,
  load: Load,
  references: Map<string, { producer: Producer }>,
  watchPorts: number[],
  resetPeaks: boolean,
): Promise<Snapshot> {
  const producers = new Map<string, LayerStat[]>();
  for (const [id, { producer }] of references) producers.set(id, (await producer.getStats()) as unknown as LayerStat[]);
  const consumers = new Map<string, { packetCount: number; byteCount: number; timestamp: number }>();
  await inBatches(load.consumers.flatMap(streamsOf), 100, async (consumer) => {
    const stats = (await consumer.getStats().catch(() => [])) as Array<{ type: string; packetCount: number; byteCount: number; timestamp: number }>;
    const out = stats.find((s) => s.type === 'outbound-rtp');
    if (out) consumers.set(consumer.id, { packetCount: out.packetCount, byteCount: out.byteCount, timestamp: out.timestamp });
  });
  const [sinks, cpu] = await Promise.all([ctx.audience.sinkStats(resetPeaks), ctx.node.pool.cpuSeconds()]);
  return {
    wall: performance.now(),
    producers,
    consumers,
    sinks,
    workerCpu: new Map(cpu.map((c) => [c.index, c.seconds])),
    cpu: sampleCpu(process.pid, ctx.classify),
    drops: udpDropsByPort(watchPorts),
  };
}

export interface StepResult {
  path: 'bare' | 'hubro';
  workers: number;
  consumers: number;
  perWorker: Array<{ worker: number; consumers: number; cpuPercent: number }>;
  /** Receiver-observed loss < 1 % and the publisher's top layer intact. */
  pass: boolean;
  failReason?: string;
  /** RTP sequence gaps at the sampled sinks (after any NACK/RTX repair), aggregate. */
  receivedLossPercent: number;
  /** The same, by the worker that served the sampled receivers. */
  receivedLossPercentByWorker: Record<number, number>;
  sampledByWorker: Record<number, number>;
  worstSampledLossPercent: number;
  sampledConsumers: number;
  /** Interarrival jitter at the sampled sinks (RFC 3550): mean at the end, and the peak in the window. */
  jitterMs: { mean: number; peak: number };
  /** 1 − packets the consumers sent / packets their layer brought in (signed; ±0.5 % is timing noise). */
  forwardingDeficitPercent: number;
  /** Lost on the way from Chromium to the worker, before NACK/RTX repair. */
  ingressLossPercent: number;
  ingressNacks: number;
  /** Kernel drops on the worker's socket that receives the publisher. */
  ingressSocketDrops: number;
  sampleSinkKernelDrops: number;
  /** Packets the kernel discarded at the drop sink: should match what the unsampled consumers sent. */
  dropSinkPackets: number;
  /** `score`: mediasoup's score of the 720p layer's stream at the producer, at the end of the window. */
  topLayer: Array<{ room: string; kbps: number; pps: number; baselineKbps: number; score?: number }>;
  perConsumer: { pps: number; kbps: number };
  forwardedPps: number;
  /** Forwarded packets per CPU-second of the workers: the per-core efficiency. */
  packetsPerWorkerCpuSecond: number;
  consumersNotOnTopLayer: number;
  growMs: number;
  settleMs: number;
  /** % of one core, by process group under the benchmark, plus `foreign`: everyone else's processes. */
  cpuPercent: Record<string, number>;
  machineBusyPercent: number;
  machineSoftirqPercent: number;
  machineStealPercent: number;
  windowSeconds: number;
  attempts: number;
  contended: boolean;
  publisher?: unknown;
  note?: string;
  /** With RampOptions.recoverAfterFailure: how long the publishers took to recover without load first. */
  recoveryMs?: number;
}

const pct = (x: number) => Math.round(x * 10000) / 100;
const round1 = (x: number) => Math.round(x * 10) / 10;
/** Other processes may use this much of a core during a window before it is measured again. */
const FOREIGN_LIMIT_PERCENT = 25;
const TOP_LAYER_KEEP = 0.75;
/** A file sender's 720p layer must arrive with at least this score (mediasoup: round(10 × delivered⁴)). */
const FILE_SENDER_MIN_SCORE = 9;

/**
 * Waits (up to 30 s) until every consumer forwards the top layer and each publisher's 720p
 * layer has recovered: ≥ 90 % of its settled rate, or ≥ 75 % and no longer climbing. Joins
 * bring keyframe requests, and a step right after an overloaded one starts with a publisher
 * whose congestion control is still climbing back; neither is the steady state of N consumers.
 */
async function settle(ctx: StepContext, load: Load): Promise<number> {
  const started = performance.now();
  // A simulcast consumer must be on the top (third) layer; audio has no layers.
  const lagging = (consumer: Consumer) => consumer.paused || (consumer.type === 'simulcast' && (consumer.currentLayers?.spatialLayer ?? -1) < 2);
  const history = new Map<string, number[]>();
  while (performance.now() - started < 30_000) {
    const consumersReady = !load.consumers.some((c) => streamsOf(c).some(lagging));
    let publishersReady = true;
    for (const room of ctx.rooms) {
      const { producer } = cameraProducer(room);
      const top = producer.rtpParameters.encodings?.at(-1);
      const stats = (await producer.getStats()) as unknown as Array<{ rid?: string; ssrc: number; bitrate: number }>;
      const kbps = (stats.find((x) => (top?.rid ? x.rid === top.rid : x.ssrc === top?.ssrc))?.bitrate ?? 0) / 1000;
      const seen = [...(history.get(room.id) ?? []), kbps].slice(-3);
      history.set(room.id, seen);
      const baseline = ctx.baselineTopKbps.get(room.id) ?? 0;
      const steady = seen.length === 3 && Math.max(...seen) < seen[0]! * 1.05 + 1;
      if (!(kbps >= 0.9 * baseline || (kbps >= TOP_LAYER_KEEP * baseline && steady))) publishersReady = false;
    }
    if (consumersReady && publishersReady) break;
    await delay(1_000);
  }
  return Math.round(performance.now() - started);
}

/** Settles, then measures one window. */
export async function measureStep(ctx: StepContext, load: Load, workers: number, windowMs: number, growMs: number): Promise<StepResult> {
  const settleMs = await settle(ctx, load);
  // A little more so the new consumers' keyframes and any NACK bursts are behind us.
  await delay(2_000);

  const ingressPorts = ctx.rooms.map(publisherPort).filter((p): p is number => typeof p === 'number');
  const watchPorts = [...ingressPorts, ctx.ports.dropPort, ...load.consumers.filter((c) => c.sampled).map((c) => c.port)];
  const references = referenceProducers(ctx, load);
  const start = await snapshot(ctx, load, references, watchPorts, true);
  await delay(windowMs);
  const end = await snapshot(ctx, load, references, watchPorts, false);
  const publisher = ctx.publisherStats ? await ctx.publisherStats().catch((e: Error) => ({ error: e.message })) : undefined;
  const seconds = (end.wall - start.wall) / 1000;

  // Producers: per-layer rates and ingress loss, by producer id.
  const layerRates = new Map<string, Array<{ pps: number; kbps: number }>>();
  const topLayer: StepResult['topLayer'] = [];
  let ingressLost = 0;
  let ingressExpected = 0;
  let ingressNacks = 0;
  for (const [id, { producer }] of references) {
    const encodings = producer.rtpParameters.encodings ?? [];
    const rates = encodings.map((encoding) => {
      const find = (stats: LayerStat[]) => stats.find((s) => (encoding.rid ? s.rid === encoding.rid : s.ssrc === encoding.ssrc));
      const a = find(start.producers.get(id)!);
      const b = find(end.producers.get(id)!);
      if (!a || !b || b.timestamp <= a.timestamp) return { pps: 0, kbps: 0, lost: 0, packets: 0, nacks: 0 };
      const dt = (b.timestamp - a.timestamp) / 1000;
      return {
        pps: (b.packetCount - a.packetCount) / dt,
        kbps: ((b.byteCount - a.byteCount) * 8) / dt / 1000,
        lost: Math.max(0, b.packetsLost - a.packetsLost),
        packets: b.packetCount - a.packetCount,
        nacks: b.nackCount - a.nackCount,
      };
    });
    layerRates.set(id, rates);
    for (const layer of rates) {
      ingressLost += layer.lost;
      ingressExpected += layer.packets + layer.lost;
      ingressNacks += layer.nacks;
    }
  }
  for (const room of ctx.rooms) {
    const camera = cameraProducer(room).producer;
    const top = layerRates.get(camera.id)?.at(-1) ?? { pps: 0, kbps: 0 };
    const topEncoding = camera.rtpParameters.encodings?.at(-1);
    const score = camera.score.find((s) => (topEncoding?.rid ? s.rid === topEncoding.rid : s.ssrc === topEncoding?.ssrc))?.score;
    topLayer.push({ room: room.info.slug, kbps: Math.round(top.kbps), pps: round1(top.pps), baselineKbps: Math.round(ctx.baselineTopKbps.get(room.id) ?? 0), score });
  }

  // Forwarding: what each consumer sent against what its layer brought in.
  let sent = 0;
  let expected = 0;
  let bytes = 0;
  /** Seconds of receivers (not of streams): per-consumer rates are per receiver. */
  let consumerSeconds = 0;
  let notOnTop = 0;
  for (const c of load.consumers) {
    for (const consumer of streamsOf(c)) {
      const a = start.consumers.get(consumer.id);
      const b = end.consumers.get(consumer.id);
      if (!a || !b || b.timestamp <= a.timestamp) continue;
      const dt = (b.timestamp - a.timestamp) / 1000;
      const rates = layerRates.get(consumer.producerId) ?? [];
      const layer = consumer.currentLayers?.spatialLayer ?? rates.length - 1;
      if (layer < rates.length - 1) notOnTop += 1;
      sent += b.packetCount - a.packetCount;
      bytes += b.byteCount - a.byteCount;
      expected += (rates[layer]?.pps ?? 0) * dt;
      if (consumer === c.consumer) consumerSeconds += dt;
    }
  }
  const forwardingDeficit = expected > 0 ? 1 - sent / expected : 1;

  // Receivers: RTP sequence gaps and jitter at the sampled sinks.
  let sampledLost = 0;
  let sampledExpected = 0;
  let worst = 0;
  let sampled = 0;
  const jitters: number[] = [];
  const peaks: number[] = [];
  /** Sampled packets lost and expected by the worker that served the receiver. */
  const byWorker = new Map<number, { lost: number; expected: number; sampled: number }>();
  for (const c of load.consumers.filter((x) => x.sampled)) {
    sampled += 1;
    const before = { lost: sampledLost, expected: sampledExpected };
    for (const consumer of streamsOf(c)) {
      const ssrc = consumer === c.consumer ? c.ssrc : ssrcOf(consumer);
      const find = (sinks: SinkSnapshot[]) => sinks.find((s) => s.port === c.port)?.ssrcs[String(ssrc)];
      const a = find(start.sinks);
      const b = find(end.sinks);
      // Nothing ever arrived, or nothing new in the whole window (the consumer stalled): count
      // a whole window at the top layer's rate as lost.
      const stalled = () => Math.max(1, Math.round((layerRates.get(consumer.producerId)?.at(-1)?.pps ?? 1) * seconds));
      if (!b) {
        const lost = stalled();
        sampledExpected += lost;
        sampledLost += lost;
        worst = 1;
        continue;
      }
      const exp = a ? b.maxSeq - a.maxSeq : b.maxSeq - b.firstSeq + 1;
      const got = a ? b.packets - a.packets : b.packets;
      jitters.push(b.jitterMs);
      peaks.push(b.jitterPeakMs);
      if (exp <= 0) {
        const lost = stalled();
        sampledExpected += lost;
        sampledLost += lost;
        worst = 1;
        continue;
      }
      const lost = Math.max(0, exp - got);
      sampledLost += lost;
      sampledExpected += exp;
      worst = Math.max(worst, lost / exp);
    }
    const w = byWorker.get(c.workerIndex) ?? { lost: 0, expected: 0, sampled: 0 };
    w.sampled += 1;
    w.lost += sampledLost - before.lost;
    w.expected += sampledExpected - before.expected;
    byWorker.set(c.workerIndex, w);
  }
  const receivedLoss = sampledExpected > 0 ? sampledLost / sampledExpected : 1;

  const drops = (port: number) => (end.drops.get(port) ?? 0) - (start.drops.get(port) ?? 0);
  const cpuPercent: Record<string, number> = {};
  for (const [group, secs] of Object.entries(end.cpu.groups)) {
    cpuPercent[group] = round1(((secs - (start.cpu.groups[group] ?? 0)) / seconds) * 100);
  }
  cpuPercent.foreign = round1((foreignCpuSeconds(start.cpu, end.cpu) / seconds) * 100);
  cpuPercent.kernelThreads = round1((kernelThreadCpuSeconds(start.cpu, end.cpu) / seconds) * 100);
  const status = ctx.node.pool.status();
  let workerCpuSeconds = 0;
  const perWorker = status.map((w) => {
    const used = (end.workerCpu.get(w.index) ?? 0) - (start.workerCpu.get(w.index) ?? 0);
    workerCpuSeconds += used;
    return {
      worker: w.index,
      consumers: load.consumers.filter((c) => c.workerIndex === w.index).length,
      cpuPercent: round1((used / seconds) * 100),
    };
  });
  const machineSeconds = end.cpu.machine.total - start.cpu.machine.total;

  const topIntact = topLayer.every((t) => t.baselineKbps === 0 || t.kbps >= TOP_LAYER_KEEP * t.baselineKbps);
  let failReason: string | undefined;
  const topScoreOk = !ctx.fileSender || topLayer.every((t) => (t.score ?? 0) >= FILE_SENDER_MIN_SCORE);
  if (receivedLoss >= 0.01) failReason = `receivers lost ${pct(receivedLoss)} %`;
  else if (!topIntact)
    failReason = ctx.fileSender
      ? `the performer's 720p layer arrived at the SFU below ${TOP_LAYER_KEEP * 100} % of its settled rate`
      : `publisher's 720p layer fell below ${TOP_LAYER_KEEP * 100} % of its settled rate`;
  else if (!topScoreOk) failReason = `the performer's 720p layer arrived at the SFU with score ${topLayer.map((t) => t.score ?? '–').join('+')} (< ${FILE_SENDER_MIN_SCORE}: ingress loss)`;
  else if (notOnTop > 0) failReason = `${notOnTop} consumers not on the 720p layer`;

  return {
    path: load.path,
    workers,
    consumers: load.consumers.length,
    perWorker,
    pass: failReason === undefined,
    failReason,
    receivedLossPercent: pct(receivedLoss),
    receivedLossPercentByWorker: Object.fromEntries([...byWorker].map(([w, x]) => [w, pct(x.expected > 0 ? x.lost / x.expected : 0)])),
    sampledByWorker: Object.fromEntries([...byWorker].map(([w, x]) => [w, x.sampled])),
    worstSampledLossPercent: pct(worst),
    sampledConsumers: sampled,
    jitterMs: {
      mean: round1(jitters.reduce((x, y) => x + y, 0) / (jitters.length || 1)),
      peak: round1(Math.max(0, ...peaks)),
    },
    forwardingDeficitPercent: pct(forwardingDeficit),
    ingressLossPercent: pct(ingressExpected > 0 ? ingressLost / ingressExpected : 0),
    ingressNacks,
    ingressSocketDrops: ingressPorts.reduce((sum, p) => sum + drops(p), 0),
    sampleSinkKernelDrops: load.consumers.filter((c) => c.sampled).reduce((sum, c) => sum + drops(c.port), 0),
    dropSinkPackets: drops(ctx.ports.dropPort),
    topLayer,
    perConsumer: {
      pps: consumerSeconds > 0 ? round1(sent / consumerSeconds) : 0,
      kbps: consumerSeconds > 0 ? Math.round((bytes * 8) / consumerSeconds / 1000) : 0,
    },
    forwardedPps: Math.round(sent / seconds),
    packetsPerWorkerCpuSecond: workerCpuSeconds > 0 ? Math.round(sent / workerCpuSeconds) : 0,
    consumersNotOnTopLayer: notOnTop,
    growMs,
    settleMs,
    cpuPercent,
    machineBusyPercent: round1(((end.cpu.machine.busy - start.cpu.machine.busy) / machineSeconds) * 100),
    machineSoftirqPercent: round1(((end.cpu.machine.softirq - start.cpu.machine.softirq) / machineSeconds) * 100),
    machineStealPercent: round1(((end.cpu.machine.steal - start.cpu.machine.steal) / machineSeconds) * 100),
    windowSeconds: round1(seconds),
    attempts: 1,
    contended: false,
    publisher,
  };
}

/**
 * Waits until processes outside the benchmark use less than a tenth of a core for two
 * 2-second samples in a row (another `next build` or test run on a 2-core machine would
 * otherwise decide the result). Returns how long it waited and whether it got quiet.
 */
export async function waitForQuiet(
  classify: StepContext['classify'],
  maxMs: number,
  sample: { ms: number; inARow: number } = { ms: 2_000, inARow: 2 },
): Promise<{ waitedMs: number; quiet: boolean; lastForeignPercent: number }> {
  const started = performance.now();
  let quietSamples = 0;
  let last = 0;
  while (performance.now() - started < maxMs) {
    const a = sampleCpu(process.pid, classify);
    await delay(sample.ms);
    const b = sampleCpu(process.pid, classify);
    last = round1((foreignCpuSeconds(a, b) / (sample.ms / 1000)) * 100);
    quietSamples = last < 10 ? quietSamples + 1 : 0;
    if (quietSamples >= sample.inARow) return { waitedMs: Math.round(performance.now() - started), quiet: true, lastForeignPercent: last };
  }
  return { waitedMs: Math.round(performance.now() - started), quiet: false, lastForeignPercent: last };
}

/** One step, measured again (up to 3 times) when other processes took CPU during its window. */
async function measureUncontended(ctx: StepContext, load: Load, workers: number, windowMs: number, growMs: number): Promise<StepResult> {
  let step!: StepResult;
  for (let attempt = 1; attempt <= 3; attempt++) {
    step = await measureStep(ctx, load, workers, windowMs, growMs);
    step.attempts = attempt;
    if ((step.cpuPercent.foreign ?? 0) <= FOREIGN_LIMIT_PERCENT) return step;
    ctx.say(`  (${step.consumers} consumers: other processes took ${step.cpuPercent.foreign} % of a core in the window)`);
    if (attempt === 3 || !(await ctx.awaitQuiet(`measuring ${step.consumers} consumers again`))) break;
  }
  step.contended = true;
  return step;
}

export interface RampOptions {
  /** Measurement window per step, after the consumers have settled. */
  windowMs: number;
  /** Most consumers the ramp may ask for, in total (port ranges and time budget). */
  maxTotal: number;
  /** Coarse step; after the first failing step, bisection down to `precision`. */
  step: number;
  precision: number;
  workers: number;
  /**
   * After a failed step, drop the whole load and let the publishers' top layers recover
   * (up to 30 s) before the next step. Without it, a bisection step right after a failure
   * starts with a publisher whose congestion control is still climbing back, and often fails
   * for that alone. Also, a step that throws (an overloaded worker answering after mediasoup's
   * request timeout) then counts as a failed step (in `stepErrors`) instead of ending the ramp.
   */
  recoverAfterFailure?: boolean;
  log: (step: StepResult) => void;
}

export interface RampResult {
  path: 'bare' | 'hubro';
  workers: number;
  steps: StepResult[];
  /** Largest total consumer count that passed. */
  maxPassing: number;
  /** Smallest total that failed (null: the ramp reached its ceiling without failing). */
  firstFailing: number | null;
  capped: boolean;
  error?: string;
  /** With RampOptions.recoverAfterFailure: steps that threw, counted as failed. */
  stepErrors?: Array<{ consumers: number; error: string }>;
}

/** Coarse steps up until a step fails, then bisection between the last pass and the first failure. */
export async function ramp(ctx: StepContext, load: Load, options: RampOptions, targets: Target[]): Promise<RampResult> {
  const resizeTo = async (total: number) => {
    const started = performance.now();
    const each = Math.round(total / targets.length);
    for (const target of targets) {
      const have = load.consumers.filter((c) => c.target.key === target.key).length;
      if (each > have) await load.grow(target, each - have);
      else if (each < have) await load.shrink(target, have - each);
    }
    return Math.round(performance.now() - started);
  };
  const result: RampResult = { path: load.path, workers: options.workers, steps: [], maxPassing: 0, firstFailing: null, capped: false };
  let lastFailed = false;
  const measureAt = async (total: number, note?: string) => {
    let recoveryMs: number | undefined;
    if (options.recoverAfterFailure && lastFailed) {
      await resizeTo(0);
      recoveryMs = await settle(ctx, load);
    }
    let step: StepResult;
    try {
      const growMs = await resizeTo(total);
      step = await measureUncontended(ctx, load, options.workers, options.windowMs, growMs);
    } catch (error) {
      if (!options.recoverAfterFailure) throw error;
      const message = (error as Error).message;
      ctx.say(`  ${total} ${load.path} receivers: the step failed with an error (${message}); counted as a failure`);
      (result.stepErrors ??= []).push({ consumers: total, error: message });
      result.firstFailing = Math.min(result.firstFailing ?? Infinity, total);
      lastFailed = true;
      return false;
    }
    if (note) step.note = note;
    if (recoveryMs !== undefined) step.recoveryMs = recoveryMs;
    lastFailed = !step.pass;
    result.steps.push(step);
    options.log(step);
    if (step.pass) result.maxPassing = Math.max(result.maxPassing, total);
    else result.firstFailing = Math.min(result.firstFailing ?? Infinity, total);
    return step.pass;
  };
  try {
    for (let total = options.step; total <= options.maxTotal; total += options.step) {
      if (!(await measureAt(total))) break;
    }
    if (result.firstFailing === null) result.capped = true;
    else {
      const unit = targets.length * 25;
      while (result.firstFailing - result.maxPassing > options.precision) {
        const mid = Math.round((result.maxPassing + result.firstFailing) / 2 / unit) * unit;
        if (mid <= result.maxPassing || mid >= result.firstFailing) break;
        await measureAt(mid, 'bisection');
      }
    }
  } catch (error) {
    result.error = (error as Error).message;
  } finally {
    await resizeTo(0).catch(() => {});
    ctx.ports.reset();
  }
  return result;
}

export function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------
// Alternating bare / Hubro windows at one load: CPU per forwarded packet
// ---------------------------------------------------------------------------------------------

export interface AlternationOptions {
  /** Consumers in every window, split evenly between the targets. */
  consumers: number;
  /** Rounds; each measures both paths once, in the order bare, Hubro on even rounds and the reverse on odd ones. */
  rounds: number;
  windowMs: number;
  workers: number;
  log: (step: StepResult, round: number) => void;
}

export interface AlternationResult {
  consumers: number;
  workers: number;
  rounds: number;
  windows: Array<{ round: number; path: 'bare' | 'hubro'; step: StepResult }>;
  /** Per path: forwarded packets per worker CPU-second (median, min, max over the rounds) and the median worker CPU. */
  byPath: Record<'bare' | 'hubro', { packetsPerWorkerCpuSecond: { median: number; min: number; max: number }; workerCpuPercentMedian: number; lossPercentMax: number }>;
  /** Hubro's packets per worker CPU-second over bare's, per round (same round, back to back), and their median. */
  roundRatios: number[];
  ratioMedian: number;
  error?: string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * The capacity ramps find where each path starts to lose packets, but on a 2-core VM that point
 * moves by ±20 % from run to run (a step near saturation tips over or not on the scheduler's
 * luck), for either path. What Hubro could add is CPU in the worker per forwarded packet (its
 * signalling, stats, layer management, the pause/resume handshake): this measures exactly that,
 * at one load below saturation, with bare and Hubro windows back to back in alternating order so
 * drift on the machine falls on both. Capacity is the worker's core divided by that cost.
 */
export async function alternate(
  ctx: StepContext,
  loads: { bare: Load; hubro: Load },
  options: AlternationOptions,
  targets: Target[],
): Promise<AlternationResult> {
  const each = Math.round(options.consumers / targets.length);
  const windows: AlternationResult['windows'] = [];
  let error: string | undefined;
  try {
    for (let round = 0; round < options.rounds; round++) {
      const order: Array<'bare' | 'hubro'> = round % 2 === 0 ? ['bare', 'hubro'] : ['hubro', 'bare'];
      for (const path of order) {
        const load = loads[path];
        const started = performance.now();
        for (const target of targets) await load.grow(target, each);
        const growMs = Math.round(performance.now() - started);
        try {
          const step = await measureUncontended(ctx, load, options.workers, options.windowMs, growMs);
          windows.push({ round, path, step });
          options.log(step, round);
        } finally {
          for (const target of targets) await load.shrink(target, each);
        }
        await settle(ctx, load);
      }
    }
  } catch (e) {
    error = (e as Error).message;
  } finally {
    ctx.ports.reset();
  }
  const summaryOf = (path: 'bare' | 'hubro') => {
    const steps = windows.filter((w) => w.path === path).map((w) => w.step);
    const efficiency = steps.map((s) => s.packetsPerWorkerCpuSecond);
    return {
      packetsPerWorkerCpuSecond: { median: Math.round(median(efficiency)), min: Math.min(...efficiency), max: Math.max(...efficiency) },
      workerCpuPercentMedian: round1(median(steps.map((s) => s.perWorker.reduce((sum, w) => sum + w.cpuPercent, 0) / (s.perWorker.length || 1)))),
      lossPercentMax: Math.max(0, ...steps.map((s) => s.receivedLossPercent)),
    };
  };
  const roundRatios: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const bare = windows.find((w) => w.round === round && w.path === 'bare')?.step.packetsPerWorkerCpuSecond;
    const hubro = windows.find((w) => w.round === round && w.path === 'hubro')?.step.packetsPerWorkerCpuSecond;
    if (bare && hubro) roundRatios.push(Math.round((hubro / bare) * 1000) / 1000);
  }
  return {
    consumers: options.consumers,
    workers: options.workers,
    rounds: options.rounds,
    windows,
    byPath: { bare: summaryOf('bare'), hubro: summaryOf('hubro') },
    roundRatios,
    ratioMedian: Math.round(median(roundRatios) * 1000) / 1000,
    ...(error ? { error } : {}),
  };
}
