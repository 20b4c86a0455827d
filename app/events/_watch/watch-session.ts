/**
 * One audience member watching one webcast: the Socket.IO signalling, a receive-only
 * mediasoup-client Device and transport, and what the stage sends.
 *
 * Framework-free, like the meeting room's CallSession (app/rooms/[slug]/_call): React reads
 * `getSnapshot()` through useSyncExternalStore and calls the public methods; words live in the
 * components (codes in, translated text out).
 *
 * The protocol (server/signalling/contract.ts, `webcast:*`):
 *   Device.load(router capabilities from the page) → webcast:join (one round trip: the answer
 *   carries the transport and paused consumers) → consume each → webcast:resume.
 * While the event is scheduled the join answers without media; `webcast:status` live means
 * "join again for media", ended/canceled end the session. A dropped socket or a failed
 * transport rejoins from scratch: the server drops the old viewer with the old socket.
 */
import type { types as mediasoupTypes } from 'mediasoup-client';
import type { Socket } from 'socket.io-client';
import { Emitter } from '@/app/rooms/[slug]/_call/emitter';
import type {
  Ack,
  AckFn,
  ClientToServerEvents,
  ConsumerCreated,
  MediaSource,
  ServerToClientEvents,
  SignallingErrorCode,
  WebcastChatMessage,
  WebcastEmoji,
  WebcastJoinResult,
} from '@/server/signalling/contract';

type Device = mediasoupTypes.Device;
type Transport = mediasoupTypes.Transport;
type Consumer = mediasoupTypes.Consumer;
type WatchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type RequestName = keyof ClientToServerEvents;
type RequestPayload<E extends RequestName> = Parameters<ClientToServerEvents[E]>[0];
type RequestData<E extends RequestName> = Parameters<ClientToServerEvents[E]>[1] extends AckFn<infer T> ? T : never;

const REQUEST_TIMEOUT_MS = 10_000;
/** The server resumes at most this many consumers per request. */
const RESUME_BATCH = 20;
/** A failed transport gets this long to come back by itself before the session rejoins. */
const TRANSPORT_FAILED_GRACE_MS = 3_000;
const SIZE_DEBOUNCE_MS = 600;
export const WEBCAST_CHAT_MAX = 500;
export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 40;

export type EventStatus = WebcastJoinResult['status'];

export type WatchPhase =
  /** start() not called yet. */
  | 'idle'
  /** Loading the media stack and opening the socket. */
  | 'connecting'
  | 'joining'
  | 'joined'
  /** The socket dropped after joining; it comes back by itself. */
  | 'reconnecting'
  /** The event is over (or the session was disposed): nothing more will happen. */
  | 'closed'
  | 'failed';

export type WatchErrorCode = SignallingErrorCode | 'timeout' | 'disconnected' | 'unsupported';

export class WatchError extends Error {
  constructor(
    readonly code: WatchErrorCode,
    readonly serverMessage?: string,
  ) {
    super(serverMessage ?? code);
    this.name = 'WatchError';
  }
}

const FATAL_JOIN_CODES: ReadonlySet<WatchErrorCode> = new Set(['unauthorized', 'forbidden', 'not_found', 'bad_request', 'unsupported']);

export interface StageMedia {
  consumerId: string;
  peerId: string;
  kind: 'audio' | 'video';
  source: MediaSource;
  track: MediaStreamTrack;
  /** The performer muted this (or the host did). */
  producerPaused: boolean;
}

export interface StagePerformer {
  peerId: string;
  name: string;
}

export interface WatchSnapshot {
  phase: WatchPhase;
  /** What the server last said about the event; null before the first join. */
  status: EventStatus | null;
  error: WatchError | null;
  viewerId: string | null;
  viewers: number;
  chat: readonly WebcastChatMessage[];
  stage: readonly StagePerformer[];
  pinnedPeerId: string | null;
  media: readonly StageMedia[];
  audioOnly: boolean;
  /** A host muted this viewer's chat. */
  chatMuted: boolean;
  /** Live and joined, but the media path is still being set up (or rebuilt). */
  mediaConnecting: boolean;
}

/** Something the live region should say. */
export type WatchAnnouncement = 'live' | 'ended' | 'canceled' | 'reconnecting' | 'reconnected' | 'chat-muted';

export type WatchEvents = {
  change: WatchSnapshot;
  announce: WatchAnnouncement;
  reaction: WebcastEmoji;
};

export interface WatchOptions {
  /** The event's slug. */
  event: string;
  /** Members use the main namespace (the session cookie); anonymous viewers `/public`. */
  audience: 'member' | 'public';
  nickname?: string;
  /** The routers' RTP capabilities, rendered into the page: the Device loads before the join. */
  routerCapabilities: unknown;
  audioOnly?: boolean;
}

export interface WatchStat {
  consumerId: string;
  peerId: string;
  kind: 'audio' | 'video';
  source: MediaSource;
  bytesReceived: number;
  framesDecoded: number;
  packetsLost: number;
}

/** Milliseconds since navigation start (performance.now()); 0 while it has not happened. */
export interface WatchTimings {
  /** The join whose answer carried media. */
  mediaJoinSent: number;
  mediaJoined: number;
  /** The first decoded video frame after that join. */
  firstFrame: number;
  /** The first audio bytes after that join (from getStats, so coarse). */
  firstAudio: number;
}

interface ConsumerEntry {
  consumer: Consumer;
  info: ConsumerCreated;
  producerPaused: boolean;
}

function asWatchError(error: unknown): WatchError {
  return error instanceof WatchError ? error : new WatchError('internal');
}

export class WatchSession extends Emitter<WatchEvents> {
  readonly event: string;
  readonly #options: WatchOptions;

  #socket: WatchSocket | null = null;
  #deviceReady: Promise<Device | null> | null = null;
  #transport: Transport | null = null;
  readonly #consumers = new Map<string, ConsumerEntry>();
  #pending: ConsumerCreated[] = [];
  #failedTimer: number | null = null;

  #phase: WatchPhase = 'idle';
  #status: EventStatus | null = null;
  #error: WatchError | null = null;
  #viewerId: string | null = null;
  #viewers = 0;
  #chat: WebcastChatMessage[] = [];
  #stage: StagePerformer[] = [];
  #pinnedPeerId: string | null = null;
  #audioOnly: boolean;
  #chatMuted = false;
  #mediaConnecting = false;

  #epoch = 0;
  #joinedOnce = false;
  #joinChain: Promise<void> = Promise.resolve();
  #closing = false;
  #size: { width: number; height: number } | null = null;
  #sentSize = '';
  #sizeTimer: number | null = null;

  readonly timings: WatchTimings = { mediaJoinSent: 0, mediaJoined: 0, firstFrame: 0, firstAudio: 0 };

  #snapshot: WatchSnapshot;
  #publishQueued = false;

  constructor(options: WatchOptions) {
    super();
    this.#options = options;
    this.event = options.event;
    this.#audioOnly = options.audioOnly ?? false;
    this.#snapshot = this.#buildSnapshot();
  }

  readonly subscribe = (listener: () => void): (() => void) => this.on('change', listener);
  readonly getSnapshot = (): WatchSnapshot => this.#snapshot;

  // -------------------------------------------------------------------------------------------
  // Life cycle
  // -------------------------------------------------------------------------------------------

  async start(): Promise<void> {
    if (this.#phase !== 'idle') return;
    this.#setPhase('connecting');
    let modules: [typeof import('socket.io-client'), typeof import('mediasoup-client')];
    try {
      modules = await Promise.all([import('socket.io-client'), import('mediasoup-client')]);
    } catch {
      this.#fail(new WatchError('unsupported'));
      return;
    }
    if (this.#closing) return;
    const [{ io }, { Device }] = modules;
    // The Device loads from the capabilities in the page while the socket connects, so the
    // join itself is one round trip.
    this.#deviceReady = (async () => {
      try {
        const device = new Device();
        await device.load({ routerRtpCapabilities: this.#options.routerCapabilities as mediasoupTypes.RtpCapabilities });
        return device;
      } catch (error) {
        console.error('[hubro watch] this browser cannot receive the webcast', error);
        return null;
      }
    })();
    const options = {
      path: '/socket.io',
      transports: ['websocket'],
      // Its own connection: the header's notification socket must not share our viewer state.
      forceNew: true,
      reconnection: true,
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 8_000,
    };
    const socket: WatchSocket = this.#options.audience === 'public' ? io('/public', options) : io(options);
    this.#socket = socket;
    this.#bindSocket(socket);
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
  }

  /** Leaves without waiting (the page is going away); the leave is flushed before the socket closes. */
  dispose(): void {
    if (this.#closing) return;
    this.#closing = true;
    if (this.#socket?.connected && this.#joinedOnce) this.#socket.emit('webcast:leave', {}, () => {});
    this.#teardown();
    this.#setPhase('closed');
  }

  // -------------------------------------------------------------------------------------------
  // What the viewer does
  // -------------------------------------------------------------------------------------------

  /** Sends a chat message; throws a WatchError for the composer to show. */
  async sendChat(text: string): Promise<void> {
    const trimmed = text.trim();
    if (!trimmed) return;
    if (trimmed.length > WEBCAST_CHAT_MAX) throw new WatchError('bad_request');
    try {
      const message = await this.#request('webcast:chat', { text: trimmed });
      this.#addChat(message);
    } catch (error) {
      const watchError = asWatchError(error);
      if (watchError.code === 'forbidden' && !this.#chatMuted) {
        // Muted while we were away (a rejoin does not say so): now we know.
        this.#chatMuted = true;
        this.#publish();
      }
      throw watchError;
    }
  }

  async react(emoji: WebcastEmoji): Promise<void> {
    await this.#request('webcast:react', { emoji });
  }

  /**
   * Audio only (weak links): the server closes our video consumers and sends nothing more;
   * switching back makes it create them again (they arrive as consumer-created).
   */
  async setAudioOnly(audioOnly: boolean): Promise<void> {
    if (audioOnly === this.#audioOnly) return;
    this.#audioOnly = audioOnly;
    if (audioOnly) {
      for (const [id, entry] of this.#consumers) if (entry.info.kind === 'video') this.#closeConsumer(id);
    }
    this.#publish();
    if (this.#phase !== 'joined' || !this.#transport) return;
    try {
      await this.#request('webcast:quality', { audioOnly, ...this.#sizePayload() });
    } catch (error) {
      // The next join carries the choice; until then say nothing worse than a log line.
      console.warn('[hubro watch] quality change failed', error);
    }
  }

  /** The player's size in CSS pixels: the server picks the simulcast layer from it. */
  setPlayerSize(width: number, height: number): void {
    if (width <= 0 || height <= 0) return;
    this.#size = { width: Math.round(width), height: Math.round(height) };
    if (this.#sizeTimer !== null) window.clearTimeout(this.#sizeTimer);
    this.#sizeTimer = window.setTimeout(() => {
      this.#sizeTimer = null;
      void this.#sendSize();
    }, SIZE_DEBOUNCE_MS);
  }

  /** The stage video reports its first decoded frame (for the join → first frame timing). */
  noteFirstFrame(): void {
    if (this.timings.mediaJoinSent > 0 && this.timings.firstFrame === 0) this.timings.firstFrame = performance.now();
  }

  // Host controls (the server checks that this member hosts the event).
  hideMessage(messageId: string): Promise<null> {
    return this.#request('webcast:hide-message', { messageId });
  }

  muteViewer(viewerId: string): Promise<null> {
    return this.#request('webcast:mute-viewer', { viewerId });
  }

  pin(peerId: string | null): Promise<null> {
    return this.#request('webcast:pin', { peerId });
  }

  /** Each consumer's inbound-rtp counters, as the browser reports them (test hook). */
  async stats(): Promise<WatchStat[]> {
    const entries = [...this.#consumers.values()];
    const stats = await Promise.all(
      entries.map(async ({ consumer, info }) => {
        let inbound: Partial<RTCInboundRtpStreamStats> = {};
        try {
          const report = await consumer.getStats();
          report.forEach((stat: RTCStats) => {
            if (stat.type === 'inbound-rtp') inbound = stat as RTCInboundRtpStreamStats;
          });
        } catch {
          // Closed while we asked.
        }
        return {
          consumerId: info.consumerId,
          peerId: info.peerId,
          kind: info.kind,
          source: info.source,
          bytesReceived: inbound.bytesReceived ?? 0,
          framesDecoded: inbound.framesDecoded ?? 0,
          packetsLost: inbound.packetsLost ?? 0,
        };
      }),
    );
    if (this.timings.mediaJoinSent > 0 && this.timings.firstAudio === 0 && stats.some((s) => s.kind === 'audio' && s.bytesReceived > 0)) {
      this.timings.firstAudio = performance.now();
    }
    return stats;
  }

  // -------------------------------------------------------------------------------------------
  // Signalling
  // -------------------------------------------------------------------------------------------

  async #request<E extends RequestName>(event: E, payload: RequestPayload<E>): Promise<RequestData<E>> {
    const socket = this.#socket;
    // NOTE: socket.io buffers emits while disconnected and replays them before our rejoin;
    // refuse instead, the rejoin resynchronises.
    if (!socket?.connected) throw new WatchError('disconnected');
    type Emit = { emitWithAck(event: string, payload: unknown): Promise<Ack<RequestData<E>>> };
    let response: Ack<RequestData<E>>;
    try {
      response = await (socket.timeout(REQUEST_TIMEOUT_MS) as unknown as Emit).emitWithAck(event, payload);
    } catch {
      throw new WatchError(socket.connected ? 'timeout' : 'disconnected');
    }
    if (!response.ok) throw new WatchError(response.error.code, response.error.message);
    return response.data;
  }

  #bindSocket(socket: WatchSocket): void {
    socket.on('connect', () => {
      if (this.#closing) return;
      this.#runJoin(this.#joinedOnce ? 'reconnect' : 'initial');
    });
    socket.on('disconnect', (reason) => {
      if (this.#closing) return;
      this.#epoch++;
      this.#closeMedia();
      if (this.#joinedOnce) {
        this.#setPhase('reconnecting');
        this.emit('announce', 'reconnecting');
      } else {
        this.#setPhase('connecting');
      }
      // The server closed the socket on purpose (a restart): socket.io does not retry those.
      if (reason === 'io server disconnect') window.setTimeout(() => !this.#closing && socket.connect(), 1_000);
    });
    socket.on('connect_error', (error) => {
      if (this.#closing) return;
      // `active` is false when the server's middleware refused the handshake (signed out).
      if (!socket.active) {
        const code = (error as { data?: { code?: string } }).data?.code;
        this.#fail(new WatchError(code === 'unauthorized' ? 'unauthorized' : 'internal'));
      }
    });

    socket.on('webcast:status', ({ status }) => this.#onStatus(status));
    socket.on('webcast:viewers', ({ count }) => {
      this.#viewers = count;
      this.#publish();
    });
    socket.on('webcast:chat-posted', (message) => this.#addChat(message));
    socket.on('webcast:chat-hidden', ({ messageId }) => {
      const before = this.#chat.length;
      this.#chat = this.#chat.filter((m) => m.id !== messageId);
      if (this.#chat.length !== before) this.#publish();
    });
    socket.on('webcast:reaction', ({ emoji }) => this.emit('reaction', emoji));
    socket.on('webcast:pinned', ({ peerId }) => {
      this.#pinnedPeerId = peerId;
      this.#publish();
    });
    socket.on('webcast:stage', ({ stage }) => {
      this.#stage = stage;
      this.#publish();
    });
    socket.on('webcast:chat-muted', () => {
      if (this.#chatMuted) return;
      this.#chatMuted = true;
      this.emit('announce', 'chat-muted');
      this.#publish();
    });
    socket.on('webcast:consumer-created', (info) => this.#onConsumerCreated(info));
    socket.on('webcast:consumer-closed', ({ consumerId }) => this.#closeConsumer(consumerId));
  }

  readonly #onOffline = () => {
    // The browser knows before the socket does (a dead WebSocket can look open for ~45 s).
    if (!this.#closing && this.#socket?.connected) this.#socket.io.engine?.close();
  };

  readonly #onOnline = () => {
    const socket = this.#socket;
    if (this.#closing || !socket || socket.connected) return;
    socket.disconnect();
    socket.connect();
  };

  #onStatus(status: EventStatus): void {
    if (this.#closing || status === this.#status) return;
    this.#status = status;
    if (status === 'live') {
      this.emit('announce', 'live');
      // Media comes with a fresh join.
      this.#runJoin('live');
    } else if (status === 'ended' || status === 'canceled') {
      this.emit('announce', status);
      this.#finish();
    }
    this.#publish();
  }

  /** Joins run one after another; a newer one makes an older one stop at its next step. */
  #runJoin(reason: 'initial' | 'reconnect' | 'live' | 'transport'): void {
    this.#joinChain = this.#joinChain
      .then(() => this.#join(reason))
      .catch((error: unknown) => console.error('[hubro watch] join failed', error));
  }

  async #join(reason: 'initial' | 'reconnect' | 'live' | 'transport'): Promise<void> {
    const epoch = ++this.#epoch;
    const socket = this.#socket;
    if (!socket?.connected || this.#closing) return;
    if (!this.#joinedOnce) this.#setPhase('joining');
    const device = await this.#deviceReady;
    if (!device) {
      this.#fail(new WatchError('unsupported'));
      return;
    }
    if (epoch !== this.#epoch) return;
    // A join replaces whatever media we had: the server drops our previous viewer.
    this.#closeMedia();
    const sentAt = performance.now();
    let result: WebcastJoinResult;
    try {
      result = await this.#request('webcast:join', {
        event: this.event,
        rtpCapabilities: device.rtpCapabilities,
        ...(this.#options.nickname ? { nickname: this.#options.nickname } : {}),
        ...(this.#audioOnly ? { audioOnly: true } : {}),
      });
    } catch (error) {
      if (epoch !== this.#epoch || this.#closing) return;
      const watchError = asWatchError(error);
      if (watchError.code === 'event_final') {
        // Over before we got in (or while we were away): the page asks the server how it ended.
        this.#status = this.#status === 'canceled' ? 'canceled' : 'ended';
        this.#finish();
        this.#publish();
        return;
      }
      if (FATAL_JOIN_CODES.has(watchError.code)) {
        this.#fail(watchError);
        return;
      }
      // A timeout, a busy server or too many joins from this address: try again shortly.
      const delay = watchError.code === 'rate_limited' ? 15_000 : 2_000 + Math.random() * 2_000;
      window.setTimeout(() => {
        if (epoch === this.#epoch && !this.#closing) this.#runJoin(reason);
      }, delay);
      return;
    }
    if (epoch !== this.#epoch || this.#closing) return;

    this.#viewerId = result.viewerId;
    this.#status = result.status;
    this.#chat = [...result.chat].sort((a, b) => a.at.localeCompare(b.at));
    this.#viewers = result.viewers;
    this.#pinnedPeerId = result.pinnedPeerId;
    this.#stage = result.stage;
    this.#joinedOnce = true;
    this.#setPhase('joined');
    if (reason === 'reconnect') this.emit('announce', 'reconnected');

    if (result.status !== 'live' || !result.transport) {
      this.#publish();
      return;
    }

    this.timings.mediaJoinSent = sentAt;
    this.timings.mediaJoined = performance.now();
    this.timings.firstFrame = 0;
    this.timings.firstAudio = 0;
    this.#mediaConnecting = true;
    const transport = this.#createTransport(device, result.transport);
    const infos = [...result.consumers, ...this.#pending];
    this.#pending = [];
    await this.#consumeAndResume(infos, transport, epoch);
    if (epoch !== this.#epoch) return;
    // Nothing on stage yet: the transport connects with the first consumer, nothing to wait for.
    if (this.#consumers.size === 0) this.#mediaConnecting = false;
    this.#publish();
    void this.#sendSize(true);
  }

  #createTransport(device: Device, options: NonNullable<WebcastJoinResult['transport']>): Transport {
    const transport = device.createRecvTransport({
      id: options.id,
      iceParameters: options.iceParameters as mediasoupTypes.IceParameters,
      iceCandidates: options.iceCandidates as mediasoupTypes.IceCandidate[],
      dtlsParameters: options.dtlsParameters as mediasoupTypes.DtlsParameters,
      iceServers: options.iceServers,
    });
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.#request('webcast:connect', { dtlsParameters }).then(() => callback(), errback);
    });
    transport.on('connectionstatechange', (state) => {
      if (transport !== this.#transport) return;
      if (state === 'connected') {
        if (this.#failedTimer !== null) window.clearTimeout(this.#failedTimer);
        this.#failedTimer = null;
        if (this.#mediaConnecting) {
          this.#mediaConnecting = false;
          this.#publish();
        }
      } else if (state === 'failed' || state === 'disconnected') {
        // NOTE: the server (mediasoup 3.8) cannot restart ICE for viewers; a fresh join gives
        // a fresh transport, and the server drops the old one with the old viewer.
        if (this.#failedTimer !== null) return;
        this.#failedTimer = window.setTimeout(() => {
          this.#failedTimer = null;
          if (transport !== this.#transport || transport.connectionState === 'connected' || this.#closing) return;
          this.#mediaConnecting = true;
          this.#publish();
          this.#runJoin('transport');
        }, TRANSPORT_FAILED_GRACE_MS);
      }
    });
    this.#transport = transport;
    return transport;
  }

  #onConsumerCreated(info: ConsumerCreated): void {
    const transport = this.#transport;
    if (!transport || transport.closed) {
      this.#pending.push(info);
      return;
    }
    void this.#consumeAndResume([info], transport, this.#epoch);
  }

  async #consumeAndResume(infos: ConsumerCreated[], transport: Transport, epoch: number): Promise<void> {
    const created = await Promise.all(infos.map((info) => this.#consume(info, transport)));
    const ids = created.filter((id): id is string => id !== null);
    if (ids.length === 0 || epoch !== this.#epoch) return;
    // The tracks are in the snapshot first, so the elements exist when the media starts.
    this.#publish();
    for (let i = 0; i < ids.length; i += RESUME_BATCH) {
      const batch = ids.slice(i, i + RESUME_BATCH);
      try {
        await this.#request('webcast:resume', { consumerIds: batch });
      } catch (error) {
        if (epoch !== this.#epoch) return;
        // Without a resume the consumers stay silent: start over rather than show a dead player.
        console.warn('[hubro watch] resume failed; joining again', error);
        window.setTimeout(() => epoch === this.#epoch && !this.#closing && this.#runJoin('transport'), 2_000);
        return;
      }
    }
  }

  /** Returns the consumer id, or null when it was not made (a duplicate, or the transport went). */
  async #consume(info: ConsumerCreated, transport: Transport): Promise<string | null> {
    if (this.#consumers.has(info.consumerId)) return null;
    if (info.kind === 'video' && this.#audioOnly) return null;
    let consumer: Consumer;
    try {
      consumer = await transport.consume({
        id: info.consumerId,
        producerId: info.producerId,
        kind: info.kind,
        rtpParameters: info.rtpParameters as mediasoupTypes.RtpParameters,
        // One stream per performer keeps their audio and video in lip sync.
        streamId: `${info.peerId}-${info.source === 'mic' || info.source === 'camera' ? 'av' : 'screen'}`,
      });
    } catch (error) {
      console.error('[hubro watch] consume failed', error);
      return null;
    }
    if (transport.closed || transport !== this.#transport) {
      consumer.close();
      return null;
    }
    // One consumer per producer: a re-sent one replaces the old.
    for (const [id, entry] of this.#consumers) if (entry.info.producerId === info.producerId) this.#closeConsumer(id);
    this.#consumers.set(info.consumerId, { consumer, info, producerPaused: info.producerPaused });
    consumer.on('transportclose', () => this.#closeConsumer(info.consumerId));
    return info.consumerId;
  }

  #closeConsumer(consumerId: string): void {
    const entry = this.#consumers.get(consumerId);
    if (!entry) return;
    this.#consumers.delete(consumerId);
    entry.consumer.close();
    this.#publish();
  }

  #sizePayload(): { width?: number; height?: number } {
    return this.#size ? { width: this.#size.width, height: this.#size.height } : {};
  }

  async #sendSize(force = false): Promise<void> {
    if (!this.#size || this.#phase !== 'joined' || !this.#transport || this.#audioOnly) return;
    const key = `${this.#size.width}x${this.#size.height}`;
    if (key === this.#sentSize && !force) return;
    this.#sentSize = key;
    try {
      await this.#request('webcast:quality', { audioOnly: false, ...this.#sizePayload() });
    } catch {
      this.#sentSize = '';
    }
  }

  #addChat(message: WebcastChatMessage): void {
    // Our own message comes back as chat-posted too.
    if (this.#chat.some((m) => m.id === message.id)) return;
    this.#chat = [...this.#chat, message].sort((a, b) => a.at.localeCompare(b.at));
    // Keep what the server keeps (its history is 200 messages).
    if (this.#chat.length > 200) this.#chat = this.#chat.slice(-200);
    this.#publish();
  }

  // -------------------------------------------------------------------------------------------
  // State
  // -------------------------------------------------------------------------------------------

  #closeMedia(): void {
    for (const id of [...this.#consumers.keys()]) this.#closeConsumer(id);
    this.#pending = [];
    if (this.#failedTimer !== null) window.clearTimeout(this.#failedTimer);
    this.#failedTimer = null;
    this.#transport?.close();
    this.#transport = null;
    this.#mediaConnecting = false;
    this.#publish();
  }

  /** The event is over: keep the chat on screen, drop everything else. */
  #finish(): void {
    this.#epoch++;
    this.#closing = true;
    this.#teardown();
    this.#setPhase('closed');
  }

  #fail(error: WatchError): void {
    if (this.#closing) return;
    this.#closing = true;
    this.#error = error;
    this.#teardown();
    this.#setPhase('failed');
  }

  #teardown(): void {
    this.#epoch++;
    this.#closeMedia();
    if (this.#sizeTimer !== null) window.clearTimeout(this.#sizeTimer);
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.#onOnline);
      window.removeEventListener('offline', this.#onOffline);
    }
    const socket = this.#socket;
    this.#socket = null;
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
  }

  #setPhase(phase: WatchPhase): void {
    if (this.#phase === phase) return;
    this.#phase = phase;
    this.#publish();
  }

  /** Coalesces bursts of changes (a join touches everything) into one render. */
  #publish(): void {
    if (this.#publishQueued) return;
    this.#publishQueued = true;
    queueMicrotask(() => {
      this.#publishQueued = false;
      this.#snapshot = this.#buildSnapshot();
      this.emit('change', this.#snapshot);
    });
  }

  #buildSnapshot(): WatchSnapshot {
    return {
      phase: this.#phase,
      status: this.#status,
      error: this.#error,
      viewerId: this.#viewerId,
      viewers: this.#viewers,
      chat: this.#chat,
      stage: this.#stage,
      pinnedPeerId: this.#pinnedPeerId,
      media: [...this.#consumers.values()].map(({ consumer, info, producerPaused }) => ({
        consumerId: info.consumerId,
        peerId: info.peerId,
        kind: info.kind,
        source: info.source,
        track: consumer.track,
        producerPaused,
      })),
      audioOnly: this.#audioOnly,
      chatMuted: this.#chatMuted,
      mediaConnecting: this.#mediaConnecting,
    };
  }
}
