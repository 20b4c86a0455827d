import { randomBytes, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { types } from 'mediasoup';
import type { Logger } from '../logger';
import type {
  LobbyEntry,
  RoomControls,
  ChatMessage,
  ConsumerCreated,
  MediaSource,
  ServerToClientEvents,
  TilePreference,
  TransportOptions,
  IceServer,
} from '../signalling/contract';
import type { RoomKind } from '../../db/schema';
import { Peer } from './peer';
import type { WorkerPool } from './worker-pool';

/** A domain failure with a code the signalling layer sends back in the ack. */
export class RoomError extends Error {
  constructor(
    readonly code:
      | 'bad_request'
      | 'not_found'
      | 'forbidden'
      | 'room_full'
      | 'media_rejected'
      | 'not_joined'
      | 'room_locked'
      | 'removed'
      | 'screen_share_off',
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'RoomError';
  }
}

/** How the room reaches its peers; the signalling layer implements it with Socket.IO. */
export interface RoomNotifier {
  toPeer<E extends keyof ServerToClientEvents>(peer: Peer, event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
  toRoom<E extends keyof ServerToClientEvents>(
    room: Room,
    event: E,
    except: Peer | null,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void;
  /** A socket that is not a peer (yet): someone waiting in the lobby. */
  toSocket<E extends keyof ServerToClientEvents>(socketId: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
}

/** Someone waiting in the lobby: what a later join needs to find them again. */
interface LobbyWaiter extends LobbyEntry {
  key: string;
  userId: string;
  socketId: string;
}

export interface RoomInfo {
  id: string;
  slug: string;
  title: string;
  capacity: number;
  /**
   * meeting: colleagues; backstage: a webcast's stage (its producers also feed the audience);
   * lesson: a teacher with host controls; care: an invite-only call with a lobby that is always
   * on and no chat kept; studio: a digital studio's permanent room.
   */
  kind?: RoomKind;
  eventId?: string | null;
  /** The lobby setting stored with the room (care calls always have one). */
  lobby?: boolean;
}

export interface TransportSettings {
  listenIp: string;
  announcedIp: string | undefined;
  /** Time-limited TURN credentials for this peer, if TURN is configured. */
  iceServers: (userId: string) => IceServer[];
}

export const MEDIA_CODECS: types.RtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000, parameters: { 'x-google-start-bitrate': 1000 } },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 },
  },
];

const SOURCE_KIND: Record<MediaSource, 'audio' | 'video'> = { mic: 'audio', camera: 'video', screen: 'video', 'screen-audio': 'audio' };
const CHAT_HISTORY = 200;
/** A sender may push at most this much into one send transport (3 camera layers + screen). */
const MAX_INCOMING_BITRATE = 5_000_000;

interface ConsumerState {
  peerId: string;
  /** The browser has its consumer object (consumer:resume). */
  clientReady: boolean;
  /** The tile is off screen or beyond "last N" (consumer:preferences). */
  hidden: boolean;
}

/**
 * One live room on one mediasoup router. Created by RoomManager under a per-room lock.
 * Emits `empty` when its last peer is gone and `closed` once.
 */
export class Room extends EventEmitter {
  readonly peers = new Map<string, Peer>();
  readonly chat: ChatMessage[] = [];
  /** Things that keep an empty room open (a webcast's audience needs its stage router). */
  holders = 0;
  activeSpeaker: string | null = null;
  router!: types.Router;
  workerIndex!: number;
  #audioLevels!: types.AudioLevelObserver;
  #closed = false;
  readonly #controls: RoomControls;
  /** Waiting for a host, in order of arrival. */
  readonly #lobby = new Map<string, LobbyWaiter>();
  /** Tab identities a host let in (or that were in already): they skip the lobby on a rejoin. */
  readonly #admitted = new Set<string>();
  /** Users a host removed: refused for the rest of this session of the room. */
  readonly #removed = new Set<string>();
  /** While true (rebuilding after a worker died), close events are not relayed to clients. */
  #resetting = false;

  private constructor(
    readonly info: RoomInfo,
    private readonly pool: WorkerPool,
    private readonly notifier: RoomNotifier,
    private readonly transportSettings: TransportSettings,
    private readonly logger: Logger,
  ) {
    super();
    this.#controls = { locked: false, lobby: info.kind === 'care' || Boolean(info.lobby), screenShare: true, spotlight: null };
  }

  static async create(
    info: RoomInfo,
    deps: { pool: WorkerPool; notifier: RoomNotifier; transport: TransportSettings; logger: Logger },
  ): Promise<Room> {
    const room = new Room(info, deps.pool, deps.notifier, deps.transport, deps.logger.child({ room: info.id }));
    await room.#createRouter();
    return room;
  }

  get closed() {
    return this.#closed;
  }

  get id() {
    return this.info.id;
  }

  peerByKey(key: string): Peer | undefined {
    for (const peer of this.peers.values()) if (peer.key === key) return peer;
    return undefined;
  }

  /** Adds a peer, or refuses with room_full. Reconnects go through `resume` instead. */
  addPeer(
    key: string,
    userId: string,
    name: string,
    socketId: string,
    options: { role?: 'host' | 'participant'; classroom?: boolean; guest?: boolean } = {},
  ): Peer {
    if (this.peers.size >= this.info.capacity) throw new RoomError('room_full');
    const peer = new Peer(randomUUID(), key, userId, name, socketId, options);
    this.peers.set(peer.id, peer);
    this.#admitted.add(key);
    this.notifier.toRoom(this, 'peer:joined', peer, peer.view());
    this.emit('peerjoined', peer);
    return peer;
  }

  // -------------------------------------------------------------------------------------------
  // Host controls: the lobby, lock, screen sharing, spotlight, mutes, removal, hands
  // -------------------------------------------------------------------------------------------

  controls(): RoomControls {
    return { ...this.#controls };
  }

  /**
   * Does a newcomer (not a reconnect) join now or wait in the lobby? Hosts always join.
   * Refuses users a host removed, and everyone new while the room is locked.
   */
  gate(key: string, userId: string, isHost: boolean): 'join' | 'wait' {
    if (isHost) return 'join';
    if (this.#removed.has(userId)) throw new RoomError('removed');
    if (this.#controls.locked) throw new RoomError('room_locked');
    if (this.#controls.lobby && !this.#admitted.has(key)) return 'wait';
    return 'join';
  }

  /** Puts a newcomer in the lobby (or refreshes their socket) and tells the hosts. */
  enqueue(input: { key: string; userId: string; socketId: string; name: string; guest: boolean }): LobbyEntry {
    for (const waiter of this.#lobby.values()) {
      if (waiter.key === input.key) {
        waiter.socketId = input.socketId;
        waiter.name = input.name;
        this.#lobbyChanged();
        return lobbyEntry(waiter);
      }
    }
    const waiter: LobbyWaiter = { id: randomUUID(), since: new Date().toISOString(), ...input };
    this.#lobby.set(waiter.id, waiter);
    this.#lobbyChanged();
    return lobbyEntry(waiter);
  }

  /** The waiting socket went away (or joined): it leaves the lobby. */
  leaveLobby(socketId: string) {
    for (const waiter of this.#lobby.values()) {
      if (waiter.socketId === socketId) {
        this.#lobby.delete(waiter.id);
        this.#lobbyChanged();
      }
    }
  }

  lobbyEntries(): LobbyEntry[] {
    return [...this.#lobby.values()].map(lobbyEntry);
  }

  /** A host lets someone in: they may now join (their page joins again by itself). */
  admit(host: Peer, entryId: string) {
    this.#requireHost(host);
    const waiter = this.#lobby.get(entryId);
    if (!waiter) throw new RoomError('not_found', 'nobody with that id is waiting');
    this.#lobby.delete(entryId);
    this.#admitted.add(waiter.key);
    this.notifier.toSocket(waiter.socketId, 'lobby:admitted', {});
    this.#lobbyChanged();
  }

  deny(host: Peer, entryId: string) {
    this.#requireHost(host);
    const waiter = this.#lobby.get(entryId);
    if (!waiter) throw new RoomError('not_found', 'nobody with that id is waiting');
    this.#lobby.delete(entryId);
    this.notifier.toSocket(waiter.socketId, 'lobby:denied', {});
    this.#lobbyChanged();
  }

  setControls(host: Peer, change: Partial<Pick<RoomControls, 'locked' | 'lobby' | 'screenShare'>>): RoomControls {
    this.#requireHost(host);
    if (change.lobby === false && this.info.kind === 'care') throw new RoomError('forbidden', 'a care call always has a lobby');
    Object.assign(this.#controls, change);
    if (change.screenShare === false) {
      // Participants' shared screens stop now; hosts keep theirs (their teaching material).
      for (const peer of this.peers.values()) {
        if (peer.isHost) continue;
        for (const source of ['screen', 'screen-audio'] as const) peer.producerFor(source)?.close();
      }
    }
    if (change.lobby === false) {
      // Turning the lobby off lets everyone waiting in.
      for (const waiter of [...this.#lobby.values()]) this.admit(host, waiter.id);
    }
    this.#controlsChanged();
    return this.controls();
  }

  setSpotlight(host: Peer, peerId: string | null) {
    this.#requireHost(host);
    if (peerId !== null && !this.peers.has(peerId)) throw new RoomError('not_found', 'no such peer in this room');
    this.#controls.spotlight = peerId;
    this.#controlsChanged();
  }

  /** A host mutes someone's microphone. Only its owner can unmute it again. */
  async hostMute(host: Peer, peerId: string) {
    this.#requireHost(host);
    const target = this.#peer(peerId);
    await this.#muteMic(target);
  }

  /** Mutes every participant (not the hosts); answers how many microphones were on. */
  async muteAll(host: Peer): Promise<number> {
    this.#requireHost(host);
    let muted = 0;
    for (const peer of this.peers.values()) {
      if (peer.isHost) continue;
      if (await this.#muteMic(peer)) muted += 1;
    }
    return muted;
  }

  askUnmute(host: Peer, peerId: string) {
    this.#requireHost(host);
    const target = this.#peer(peerId);
    this.notifier.toPeer(target, 'host:unmute-requested', {});
  }

  /** A host stops someone's camera: its producer is closed; they may start it again. */
  stopCamera(host: Peer, peerId: string) {
    this.#requireHost(host);
    const target = this.#peer(peerId);
    const camera = target.producerFor('camera');
    if (!camera) return;
    camera.close();
    this.notifier.toPeer(target, 'host:camera-stopped', {});
  }

  /** A host removes someone: they are told, dropped, and refused for the rest of the session. */
  removeByHost(host: Peer, peerId: string): Peer {
    this.#requireHost(host);
    const target = this.#peer(peerId);
    if (target.isHost) throw new RoomError('forbidden', 'hosts cannot remove hosts');
    this.#removed.add(target.userId);
    this.#admitted.delete(target.key);
    this.notifier.toPeer(target, 'room:removed', {});
    this.removePeer(target);
    return target;
  }

  /** Raised hands in the order they went up. */
  handQueue(): Peer[] {
    return [...this.peers.values()]
      .filter((peer) => peer.handRaisedAt !== null)
      .sort((a, b) => a.handRaisedAt!.getTime() - b.handRaisedAt!.getTime());
  }

  /** Lowers a hand: your own, or anyone's if you are a host. */
  lowerHand(actor: Peer, peerId: string) {
    if (actor.id !== peerId) this.#requireHost(actor);
    const target = this.#peer(peerId);
    if (target.handRaisedAt === null) return;
    this.setHand(target, false);
  }

  /** A host takes the next hand: the earliest raised is lowered and named. */
  nextHand(host: Peer): Peer | null {
    this.#requireHost(host);
    const next = this.handQueue()[0] ?? null;
    if (next) this.setHand(next, false);
    return next;
  }

  #requireHost(peer: Peer) {
    if (!peer.isHost) throw new RoomError('forbidden', 'only a host may do that');
  }

  #peer(peerId: string): Peer {
    const peer = this.peers.get(peerId);
    if (!peer) throw new RoomError('not_found', 'no such peer in this room');
    return peer;
  }

  async #muteMic(peer: Peer): Promise<boolean> {
    const mic = peer.producerFor('mic');
    if (!mic || mic.paused) return false;
    await mic.pause();
    this.notifier.toPeer(peer, 'host:muted', {});
    this.notifier.toRoom(this, 'peer:updated', null, peer.view());
    return true;
  }

  #controlsChanged() {
    this.notifier.toRoom(this, 'room:controls', null, this.controls());
  }

  #lobbyChanged() {
    const lobby = this.lobbyEntries();
    for (const peer of this.peers.values()) if (peer.isHost) this.notifier.toPeer(peer, 'lobby:updated', { lobby });
  }

  /** A peer came back on a new socket: keep the named transports it still holds, close the rest. */
  resume(peer: Peer, socketId: string, keepTransports: string[], name: string): string[] {
    peer.socketId = socketId;
    peer.disconnectedAt = null;
    peer.name = name;
    const kept = new Set(keepTransports.filter((id) => peer.transports.has(id)));
    peer.closeTransports(kept);
    this.notifier.toRoom(this, 'peer:updated', peer, peer.view());
    return [...kept];
  }

  /** The peer's socket went away; it stays (media keeps flowing) until `remove` or a resume. */
  markDisconnected(peer: Peer) {
    peer.disconnectedAt = Date.now();
    this.notifier.toRoom(this, 'peer:updated', peer, peer.view());
  }

  removePeer(peer: Peer) {
    if (!this.peers.delete(peer.id)) return;
    peer.closeTransports();
    if (this.activeSpeaker === peer.id) this.#setSpeaker(null);
    if (this.#controls.spotlight === peer.id) {
      this.#controls.spotlight = null;
      this.#controlsChanged();
    }
    this.notifier.toRoom(this, 'peer:left', peer, { peerId: peer.id });
    this.emit('peerleft', peer);
    if (this.peers.size === 0 && this.holders === 0) this.emit('empty');
  }

  async createTransport(peer: Peer, direction: 'send' | 'recv'): Promise<TransportOptions> {
    const existing = [...peer.transports.values()].filter((t) => t.appData.direction === direction);
    // One of each per peer; a new one replaces the old (e.g. after an unrecoverable ICE failure).
    for (const transport of existing) transport.close();
    const { listenIp, announcedIp } = this.transportSettings;
    // NOTE: mediasoup 3.8 has no WebRtcServer, so every transport takes its own port from the
    // worker's slice of RTC_MIN_PORT..RTC_MAX_PORT.
    const transport = await this.router.createWebRtcTransport({
      listenIps: [{ ip: listenIp, announcedIp }],
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: 1_000_000,
      // mediasoup-client 3.24 no longer offers device.sctpCapabilities: fixed stream counts.
      enableSctp: true,
      numSctpStreams: { OS: 1024, MIS: 1024 },
      appData: { peerId: peer.id, direction },
    });
    peer.transports.set(transport.id, transport);
    transport.observer.once('close', () => peer.transports.delete(transport.id));
    transport.on('dtlsstatechange', (state: types.DtlsState) => {
      if (state === 'failed' || state === 'closed') this.logger.info({ peer: peer.id, transport: transport.id, state }, 'transport dtls state');
    });
    if (direction === 'send') await transport.setMaxIncomingBitrate(MAX_INCOMING_BITRATE).catch(() => {});
    return {
      id: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
      sctpParameters: transport.sctpParameters,
      iceServers: this.transportSettings.iceServers(peer.userId),
    };
  }

  /**
   * A receive transport without ICE or DTLS that sends this peer's media as (S)RTP to a UDP
   * address: for server-side receivers (recording, restreaming, and the load benchmark's
   * subscribers). Not reachable from the socket contract.
   */
  async createPlainReceiver(peer: Peer, destination: { ip: string; port: number }, srtp: boolean) {
    for (const t of peer.transports.values()) if (t.appData.direction === 'recv') t.close();
    const transport = await this.router.createPlainTransport({
      listenIp: { ip: destination.ip },
      rtcpMux: true,
      comedia: false,
      enableSrtp: srtp,
      srtpCryptoSuite: 'AES_CM_128_HMAC_SHA1_80',
      appData: { peerId: peer.id, direction: 'recv' },
    });
    peer.transports.set(transport.id, transport);
    transport.observer.once('close', () => peer.transports.delete(transport.id));
    await transport.connect({
      ip: destination.ip,
      port: destination.port,
      ...(srtp ? { srtpParameters: { cryptoSuite: 'AES_CM_128_HMAC_SHA1_80', keyBase64: randomBytes(30).toString('base64') } } : {}),
    });
    return transport;
  }

  /**
   * A send transport without ICE or DTLS that takes this peer's media as plain RTP from a UDP
   * sender on `listenIp` (comedia: the worker answers, with RTCP, to the address the first packet
   * came from); `produce` accepts it like a browser's send transport. For server-side senders
   * (an encoder that restreams into a stage, and the webcast benchmark's RTP performer). Not
   * reachable from the socket contract.
   */
  async createPlainSender(peer: Peer, listenIp: string) {
    const transport = await this.router.createPlainTransport({
      listenIp: { ip: listenIp },
      rtcpMux: true,
      comedia: true,
      appData: { peerId: peer.id, direction: 'send', plain: true },
    });
    peer.transports.set(transport.id, transport);
    transport.observer.once('close', () => peer.transports.delete(transport.id));
    return transport;
  }

  async connectTransport(peer: Peer, transportId: string, dtlsParameters: types.DtlsParameters) {
    const transport = this.#webRtcTransport(peer, transportId);
    try {
      await transport.connect({ dtlsParameters });
    } catch (error) {
      throw new RoomError('bad_request', (error as Error).message);
    }
  }

  async restartIce(peer: Peer, transportId: string) {
    return { iceParameters: await this.#webRtcTransport(peer, transportId).restartIce() };
  }

  /** The browser's device is loaded: consume everything the others send. */
  async ready(peer: Peer, rtpCapabilities: types.RtpCapabilities): Promise<number> {
    peer.rtpCapabilities = rtpCapabilities;
    let created = 0;
    for (const other of this.peers.values()) {
      if (other === peer) continue;
      for (const producer of other.producers.values()) {
        if (await this.#consume(peer, other, producer)) created += 1;
      }
    }
    return created;
  }

  async produce(
    peer: Peer,
    params: { transportId: string; kind: 'audio' | 'video'; source: MediaSource; rtpParameters: types.RtpParameters; paused?: boolean },
  ): Promise<string> {
    const transport = peer.transports.get(params.transportId);
    if (!transport) throw new RoomError('not_found', 'no such transport of yours');
    if (transport.appData.direction !== 'send') throw new RoomError('bad_request', 'not a send transport');
    if (SOURCE_KIND[params.source] !== params.kind) throw new RoomError('bad_request', 'kind does not match source');
    if (peer.producerFor(params.source)) throw new RoomError('bad_request', `already producing ${params.source}`);
    if ((params.source === 'screen' || params.source === 'screen-audio') && !peer.isHost && !this.#controls.screenShare) {
      throw new RoomError('screen_share_off');
    }
    let producer: types.Producer;
    try {
      producer = await transport.produce({
        kind: params.kind,
        rtpParameters: params.rtpParameters,
        paused: params.paused ?? false,
        // NOTE: a stage may have hundreds of viewers; without a delay every new viewer's
        // keyframe request would reach the performer's encoder. mediasoup coalesces requests
        // within this window into one.
        keyFrameRequestDelay: this.info.kind === 'backstage' && params.kind === 'video' ? 500 : 0,
        appData: { source: params.source, peerId: peer.id, userId: peer.userId },
      });
    } catch (error) {
      // mediasoup validates RTP parameters before they reach the worker: a bad offer is an error
      // for this peer, never a crashed worker.
      this.logger.info({ peer: peer.id, err: error }, 'producer refused');
      throw new RoomError('media_rejected', (error as Error).message);
    }
    peer.producers.set(producer.id, producer);
    this.emit('producer', peer, producer);
    producer.observer.once('close', () => {
      peer.producers.delete(producer.id);
      this.emit('producerclose', peer, producer);
      if (!this.#resetting && this.peers.has(peer.id)) this.notifier.toRoom(this, 'peer:updated', null, peer.view());
    });
    producer.on('score', (scores: types.ProducerScore[]) => {
      const score = Math.min(...scores.map((s) => s.score));
      if (Number.isFinite(score)) this.notifier.toPeer(peer, 'producer:score', { producerId: producer.id, score });
    });
    if (params.source === 'mic') await this.#audioLevels.addProducer({ producerId: producer.id }).catch(() => {});
    for (const other of this.peers.values()) if (other !== peer) await this.#consume(other, peer, producer);
    this.notifier.toRoom(this, 'peer:updated', null, peer.view());
    return producer.id;
  }

  async setProducerPaused(peer: Peer, producerId: string, paused: boolean) {
    const producer = peer.producers.get(producerId);
    if (!producer) throw new RoomError('not_found', 'no such producer of yours');
    if (paused) await producer.pause();
    else await producer.resume();
    this.notifier.toRoom(this, 'peer:updated', null, peer.view());
  }

  closeProducer(peer: Peer, producerId: string) {
    const producer = peer.producers.get(producerId);
    if (!producer) throw new RoomError('not_found', 'no such producer of yours');
    producer.close();
  }

  /** The browser has created its consumer: start the media (unless the tile is hidden). */
  async resumeConsumer(peer: Peer, consumerId: string) {
    const consumer = peer.consumers.get(consumerId);
    if (!consumer) throw new RoomError('not_found', 'no such consumer of yours');
    const state = consumer.appData as unknown as ConsumerState;
    state.clientReady = true;
    if (!state.hidden) await consumer.resume();
  }

  /**
   * Layer choice from what the browser shows: hidden tiles pause their video consumer, small
   * tiles get the low simulcast layer, large ones the high one. Audio is never touched.
   */
  async setPreferences(peer: Peer, tiles: TilePreference[]) {
    for (const tile of tiles) {
      const consumer = peer.consumers.get(tile.consumerId);
      if (!consumer || consumer.kind !== 'video') continue;
      const state = consumer.appData as unknown as ConsumerState;
      state.hidden = !tile.visible;
      if (state.hidden) {
        if (!consumer.paused) await consumer.pause();
        continue;
      }
      if (consumer.type === 'simulcast') {
        const spatialLayer = spatialLayerFor(tile.width, tile.height);
        await consumer.setPreferredLayers({ spatialLayer, temporalLayer: 2 }).catch(() => {});
      }
      if (state.clientReady && consumer.paused) await consumer.resume();
    }
  }

  postChat(peer: Peer, text: string): ChatMessage {
    const message: ChatMessage = { id: randomUUID(), peerId: peer.id, name: peer.name, text, at: new Date().toISOString() };
    // A care call keeps no chat, not even for late joiners: messages are relayed and forgotten.
    if (this.info.kind !== 'care') {
      this.chat.push(message);
      if (this.chat.length > CHAT_HISTORY) this.chat.splice(0, this.chat.length - CHAT_HISTORY);
    }
    this.notifier.toRoom(this, 'chat:posted', null, message);
    return message;
  }

  /** Keeps the room (and its router) open while `release` has not been called. */
  hold(): () => void {
    this.holders += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holders -= 1;
      if (this.holders === 0 && this.peers.size === 0) this.emit('empty');
    };
  }

  /** The host silences a performer: their producers are paused until they unmute. */
  async forceMute(peer: Peer) {
    for (const producer of peer.producers.values()) if (producer.kind === 'audio' && !producer.paused) await producer.pause();
    this.notifier.toRoom(this, 'peer:updated', null, peer.view());
  }

  setHand(peer: Peer, raised: boolean) {
    if (raised === peer.handRaised) return;
    peer.handRaisedAt = raised ? new Date() : null;
    this.notifier.toRoom(this, 'peer:updated', null, peer.view());
  }

  stats() {
    let producers = 0;
    let consumers = 0;
    for (const peer of this.peers.values()) {
      producers += peer.producers.size;
      consumers += peer.consumers.size;
    }
    return { peers: this.peers.size, producers, consumers };
  }

  /**
   * The router's worker died: every transport, producer and consumer is gone with it. Build a
   * new router on a live worker and tell the peers to set up their media again.
   */
  async rebuild() {
    this.#resetting = true;
    try {
      for (const peer of this.peers.values()) {
        peer.closeTransports();
        peer.rtpCapabilities = undefined;
      }
      this.#setSpeaker(null);
      await this.#createRouter();
    } finally {
      this.#resetting = false;
    }
    this.logger.warn({ worker: this.workerIndex }, 'room rebuilt on a new router after its worker died');
    this.notifier.toRoom(this, 'room:reset', null, { reason: 'worker_died' });
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    this.#resetting = true;
    this.router?.close();
    this.emit('closed');
  }

  async #createRouter() {
    const { router, workerIndex } = await this.pool.createRouter(MEDIA_CODECS, { roomId: this.info.id });
    this.router = router;
    this.workerIndex = workerIndex;
    // NOTE: AudioLevelObserver, not ActiveSpeakerObserver: the latter leaks memory in 3.8.x.
    this.#audioLevels = await router.createAudioLevelObserver({ maxEntries: 1, threshold: -60, interval: 400 });
    this.#audioLevels.on('volumes', (volumes: types.AudioLevelObserverVolume[]) => {
      const loudest = volumes[0]?.producer.appData.peerId;
      if (typeof loudest === 'string') this.#setSpeaker(loudest);
    });
    this.#audioLevels.on('silence', () => this.#setSpeaker(null));
  }

  #setSpeaker(peerId: string | null) {
    if (this.activeSpeaker === peerId) return;
    this.activeSpeaker = peerId;
    if (!this.#resetting) this.notifier.toRoom(this, 'speaker:changed', null, { peerId });
  }

  #webRtcTransport(peer: Peer, transportId: string): types.WebRtcTransport {
    const transport = peer.transports.get(transportId);
    if (!transport || !('iceParameters' in transport)) throw new RoomError('not_found', 'no such transport of yours');
    return transport;
  }

  /** Creates a paused consumer of `producer` for `peer`, if it can receive it and has none yet. */
  async #consume(peer: Peer, owner: Peer, producer: types.Producer): Promise<boolean> {
    if (!peer.rtpCapabilities) return false;
    const transport = [...peer.transports.values()].find((t) => t.appData.direction === 'recv');
    if (!transport) return false;
    for (const c of peer.consumers.values()) if (c.producerId === producer.id) return false;
    if (!this.router.canConsume({ producerId: producer.id, rtpCapabilities: peer.rtpCapabilities })) return false;
    const state: ConsumerState = { peerId: owner.id, clientReady: false, hidden: false };
    let consumer: types.Consumer;
    try {
      consumer = await transport.consume({
        producerId: producer.id,
        rtpCapabilities: peer.rtpCapabilities,
        // Paused until the browser confirms it has the consumer: no media lost before it listens.
        paused: true,
        appData: state as unknown as Record<string, unknown>,
      });
    } catch (error) {
      this.logger.warn({ err: error, peer: peer.id, producer: producer.id }, 'could not create consumer');
      return false;
    }
    peer.consumers.set(consumer.id, consumer);
    const closed = () => {
      if (!peer.consumers.delete(consumer.id)) return;
      if (!this.#resetting) this.notifier.toPeer(peer, 'consumer:closed', { consumerId: consumer.id });
    };
    consumer.on('transportclose', closed);
    consumer.on('producerclose', closed);
    consumer.observer.once('close', closed);
    consumer.on('producerpause', () => this.notifier.toPeer(peer, 'consumer:paused', { consumerId: consumer.id }));
    consumer.on('producerresume', () => this.notifier.toPeer(peer, 'consumer:resumed', { consumerId: consumer.id }));
    consumer.on('score', (score: types.ConsumerScore) =>
      this.notifier.toPeer(peer, 'consumer:score', { consumerId: consumer.id, score: score.score, producerScore: score.producerScore }),
    );
    const created: ConsumerCreated = {
      consumerId: consumer.id,
      producerId: producer.id,
      peerId: owner.id,
      kind: consumer.kind,
      source: producer.appData.source as MediaSource,
      rtpParameters: consumer.rtpParameters,
      type: consumer.type === 'pipe' ? 'simple' : consumer.type,
      producerPaused: consumer.producerPaused,
    };
    this.notifier.toPeer(peer, 'consumer:created', created);
    return true;
  }
}

function lobbyEntry(waiter: LobbyWaiter): LobbyEntry {
  return { id: waiter.id, name: waiter.name, guest: waiter.guest, since: waiter.since };
}

/** Simulcast layer for a tile: 0 = 320×180, 1 = 640×360, 2 = 1280×720. */
export function spatialLayerFor(width: number, height: number): number {
  if (width >= 800 || height >= 450) return 2;
  if (width >= 320 || height >= 180) return 1;
  return 0;
}
