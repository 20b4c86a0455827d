/**
 * One member's presence in one video room: the Socket.IO signalling, the mediasoup-client
 * Device with its send and receive transports, the local tracks and what the others send.
 *
 * Framework-free on purpose: React components read `getSnapshot()` through
 * useSyncExternalStore and call the public methods; nothing here knows about rendering or
 * words (components translate codes into the member's language). The server's own error
 * messages arrive already translated and are passed through.
 *
 * The protocol (see server/signalling/contract.ts):
 *   room:join → Device.load → recv transport → room:ready → consumer:created… (resume each)
 *   send transport on demand → producer:create per source (mic, camera, screen, screen-audio)
 * and the recovery paths: socket reconnect (rejoin with the same peerKey, keeping live
 * transports and restarting their ICE), a failed transport (ICE restart, then rebuild) and
 * room:reset (the media worker died: rebuild everything, keep the local tracks).
 */
import type { types as mediasoupTypes } from 'mediasoup-client';
import type { Socket } from 'socket.io-client';
import type {
  Ack,
  AckFn,
  ChatMessage,
  ClientToServerEvents,
  ConsumerCreated,
  JoinResult,
  LobbyEntry,
  MediaSource,
  MediaState,
  PeerView,
  RoomControls,
  ServerToClientEvents,
  SignallingErrorCode,
  TilePreference,
  TransportOptions,
} from '@/server/signalling/contract';
import { barsFromScore, lossBetween, qualityBars, type InboundSample, type QualityBars } from './connection-quality';
import { Emitter } from './emitter';
import { chooseVideoPeers, rememberSpeaker } from './last-n';
import { mediaErrorCode, openCamera, openMicrophone, type MediaErrorCode } from './media-devices';
import type { PreparedDevices } from './device-factory';
import { claimPeerKey } from './peer-key';

type Device = mediasoupTypes.Device;
type Transport = mediasoupTypes.Transport;
type Producer = mediasoupTypes.Producer;
type Consumer = mediasoupTypes.Consumer;
type CallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const REQUEST_TIMEOUT_MS = 10_000;
const PREFERENCES_DEBOUNCE_MS = 300;
const STATS_INTERVAL_MS = 2_000;
/** How long a failed transport gets after an ICE restart before it is rebuilt. */
const ICE_RESTART_GRACE_MS = 5_000;
export const CHAT_MAX_LENGTH = 2000;
export const DISPLAY_NAME_MAX_LENGTH = 80;
const MAX_TILE_PREFERENCES = 100;

/** 3-layer VP8 simulcast: 180p, 360p and 720p of a 1280×720 camera. */
const CAMERA_ENCODINGS = [
  { scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { scaleResolutionDownBy: 1, maxBitrate: 1_200_000 },
];

// ---------------------------------------------------------------------------------------------
// What the session tells its subscribers
// ---------------------------------------------------------------------------------------------

export type CallStatus =
  /** Created; start() not called yet. */
  | 'idle'
  /** Opening the signalling socket (first time). */
  | 'connecting'
  /** room:join and the first transports. */
  | 'joining'
  /** In the lobby: a host has to let us in. */
  | 'waiting'
  | 'joined'
  /** The socket dropped after joining; media elements stay while it comes back. */
  | 'reconnecting'
  | 'left'
  | 'failed';

export type CallErrorCode = SignallingErrorCode | 'timeout' | 'disconnected' | 'unsupported' | 'media_failed';

/** A failed request. `message` is the server's, already in the member's language. */
export class CallError extends Error {
  constructor(
    readonly code: CallErrorCode,
    readonly serverMessage?: string,
  ) {
    super(serverMessage ?? code);
    this.name = 'CallError';
  }
}

/** Join failures that no retry will fix; the room page explains each. */
const FATAL_JOIN_CODES: ReadonlySet<CallErrorCode> = new Set([
  'room_full',
  'room_locked',
  'removed',
  'lobby_denied',
  'guest_pass_invalid',
  'kiosk_revoked',
  'invite_invalid',
  'forbidden',
  'not_found',
  'unauthorized',
  'bad_request',
]);

export interface RemoteMedia {
  consumerId: string;
  producerId: string;
  peerId: string;
  kind: 'audio' | 'video';
  source: MediaSource;
  track: MediaStreamTrack;
  /** The sender paused (muted) the producer behind this consumer. */
  producerPaused: boolean;
  /** mediasoup's 0–10 scores: what reaches us, and what the sender delivers. */
  score: number;
  producerScore: number;
  quality: QualityBars;
}

export type LocalSource = 'mic' | 'camera' | 'screen';

export interface LocalMedia {
  mic: { state: MediaState; track: MediaStreamTrack | null; deviceId: string | null };
  camera: { state: MediaState; track: MediaStreamTrack | null; deviceId: string | null };
  screen: { state: 'on' | 'off'; track: MediaStreamTrack | null };
  /** Sources being switched on or off right now (the button shows a spinner). */
  busy: Readonly<Record<LocalSource, boolean>>;
  /** From producer:score: how well the server receives us. */
  quality: QualityBars;
}

export interface CallSnapshot {
  status: CallStatus;
  /** room:reset or a rebuilt transport: the call goes on, media is coming back. */
  mediaReconnecting: boolean;
  error: CallError | null;
  room: JoinResult['room'] | null;
  /** This tab's peer; null before the first join. */
  self: PeerView | null;
  /** Everyone else, in the order they joined. */
  peers: readonly PeerView[];
  remote: readonly RemoteMedia[];
  activeSpeaker: string | null;
  /** Peers whose camera tile shows video; the others show initials ("last N"). */
  videoPeers: ReadonlySet<string>;
  chat: readonly ChatMessage[];
  local: LocalMedia;
  /** The chosen speaker (setSinkId); null for the system default. */
  audioOutputId: string | null;
  /** Lock, lobby, screen sharing and spotlight, as the hosts set them. */
  controls: RoomControls;
  /** Who waits in the lobby (hosts only; empty for others). */
  lobby: readonly LobbyEntry[];
  /** This tab runs the room's host controls. */
  isHost: boolean;
}

/** Something the live region should say, in the member's language. */
export type Announcement = {
  kind:
    | 'joined'
    | 'left'
    | 'muted'
    | 'unmuted'
    | 'hand-raised'
    | 'hand-lowered'
    | 'screen-started'
    | 'screen-stopped';
  peerId: string;
  name: string;
};

/** A passing problem to show as a toast; the call goes on. */
export type CallNotice =
  | { kind: 'device'; source: LocalSource; reason: MediaErrorCode }
  /** A host muted us, stopped our camera, or asks us to unmute (only we can). */
  | { kind: 'host'; action: 'muted' | 'camera-stopped' | 'unmute-requested' }
  /** Someone started waiting in the lobby (hosts). */
  | { kind: 'lobby'; name: string }
  | { kind: 'request'; action: 'mic' | 'camera' | 'screen' | 'hand' | 'produce' | 'host'; error: CallError };

export type CallEvents = {
  change: CallSnapshot;
  announce: Announcement;
  /** A message from someone else arrived (the chat button counts these while closed). */
  chat: ChatMessage;
  notice: CallNotice;
};

export interface StartOptions {
  micOn: boolean;
  cameraOn: boolean;
  /** Tracks the pre-join screen already opened; the session takes them over. */
  micTrack?: MediaStreamTrack | null;
  cameraTrack?: MediaStreamTrack | null;
  micDeviceId?: string | null;
  cameraDeviceId?: string | null;
  audioOutputId?: string | null;
}

export interface InboundStat {
  consumerId: string;
  peerId: string;
  kind: 'audio' | 'video';
  source: MediaSource;
  bytesReceived: number;
  framesDecoded: number;
  packetsLost: number;
}

// ---------------------------------------------------------------------------------------------
// Internals
// ---------------------------------------------------------------------------------------------

type RequestName = keyof ClientToServerEvents;
type RequestPayload<E extends RequestName> = Parameters<ClientToServerEvents[E]>[0];
type RequestData<E extends RequestName> = Parameters<ClientToServerEvents[E]>[1] extends AckFn<infer T> ? T : never;

interface LocalSlot {
  track: MediaStreamTrack | null;
  /** Muted (mic) or switched off (camera) while the track stays open. */
  paused: boolean;
  deviceId: string | null;
}

interface ConsumerEntry {
  consumer: Consumer;
  info: ConsumerCreated;
  producerPaused: boolean;
  score: number;
  producerScore: number;
  loss: number;
  jitter: number;
  lastSample?: InboundSample;
  quality: QualityBars;
}

function asCallError(error: unknown): CallError {
  if (error instanceof CallError) return error;
  return new CallError('internal');
}

function isLive(track: MediaStreamTrack | null | undefined): track is MediaStreamTrack {
  return !!track && track.readyState === 'live';
}

export class CallSession extends Emitter<CallEvents> {
  readonly slug: string;
  readonly #displayName: string;
  readonly #invite: string | undefined;
  #peerKey = '';
  #releasePeerKey: (() => void) | null = null;

  #socket: CallSocket | null = null;
  #devices: PreparedDevices | null = null;
  #device: Device | null = null;
  #sendTransport: Transport | null = null;
  #recvTransport: Transport | null = null;
  #sendTransportPending: Promise<Transport> | null = null;
  readonly #producers = new Map<MediaSource, Producer>();
  readonly #consumers = new Map<string, ConsumerEntry>();
  #pendingConsumers: ConsumerCreated[] = [];
  readonly #iceTimers = new Map<string, number>();

  readonly #mic: LocalSlot = { track: null, paused: false, deviceId: null };
  readonly #camera: LocalSlot = { track: null, paused: false, deviceId: null };
  #screen: { video: MediaStreamTrack | null; audio: MediaStreamTrack | null } = { video: null, audio: null };
  readonly #busy: Record<LocalSource, boolean> = { mic: false, camera: false, screen: false };
  readonly #producerScores = new Map<MediaSource, number>();

  #status: CallStatus = 'idle';
  #error: CallError | null = null;
  #mediaReconnecting = false;
  #room: JoinResult['room'] | null = null;
  #controls: RoomControls = { locked: false, lobby: false, screenShare: true, spotlight: null };
  #lobby: LobbyEntry[] = [];
  #waitTimer: number | null = null;
  readonly #classroom: boolean;
  #self: PeerView | null = null;
  #peers = new Map<string, PeerView>();
  #chat: ChatMessage[] = [];
  #activeSpeaker: string | null = null;
  #recentSpeakers: string[] = [];
  #audioOutputId: string | null = null;

  /** Bumped whenever a join starts or the socket drops, so stale async steps stop. */
  #epoch = 0;
  #joinedOnce = false;
  #joinChain: Promise<void> = Promise.resolve();
  #closing = false;
  readonly #guestPass: (() => Promise<string>) | undefined;
  /** Why the last guest pass could not be had, when no retry will help. */
  #guestPassError: CallError | null = null;

  #snapshot: CallSnapshot;
  #publishQueued = false;
  #statsTimer: number | null = null;

  // Tile preferences: what each video tile looks like on screen.
  #resizeObserver: ResizeObserver | null = null;
  #intersectionObserver: IntersectionObserver | null = null;
  readonly #tileElements = new Map<string, Element>();
  readonly #elementConsumer = new WeakMap<Element, string>();
  readonly #tileIntersecting = new Map<string, boolean>();
  #preferencesTimer: number | null = null;
  #lastPreferences = '';

  constructor(options: {
    slug: string;
    displayName: string;
    invite?: string;
    /**
     * For a guest without an account (an invited school, a studio kiosk): fetches a fresh guest
     * pass. Called on every (re)connect, so the server re-checks the invite or device token.
     */
    guestPass?: () => Promise<string>;
    /** This device shows a whole class (a lesson's classroom layout). */
    classroom?: boolean;
  }) {
    super();
    this.slug = options.slug;
    this.#displayName = options.displayName.trim().slice(0, DISPLAY_NAME_MAX_LENGTH);
    this.#invite = options.invite || undefined;
    this.#guestPass = options.guestPass;
    this.#classroom = options.classroom ?? false;
    this.#snapshot = this.#buildSnapshot();
  }

  // -------------------------------------------------------------------------------------------
  // Store API (useSyncExternalStore)
  // -------------------------------------------------------------------------------------------

  readonly subscribe = (listener: () => void): (() => void) => this.on('change', listener);
  readonly getSnapshot = (): CallSnapshot => this.#snapshot;

  // -------------------------------------------------------------------------------------------
  // Test hooks (window.hubroCall.session)
  // -------------------------------------------------------------------------------------------

  /** Everyone else in the room. */
  peers(): PeerView[] {
    return [...this.#peers.values()];
  }

  selfPeer(): PeerView | null {
    return this.#self;
  }

  consumers(): Array<Omit<RemoteMedia, 'track'> & { trackState: MediaStreamTrackState }> {
    return this.#snapshot.remote.map(({ track, ...rest }) => ({ ...rest, trackState: track.readyState }));
  }

  /** Each consumer's inbound-rtp counters, as the browser reports them. */
  async inboundStats(): Promise<InboundStat[]> {
    const entries = [...this.#consumers.values()];
    return Promise.all(
      entries.map(async ({ consumer, info }) => {
        let inbound: Partial<RTCInboundRtpStreamStats> = {};
        try {
          const report = await consumer.getStats();
          report.forEach((stat: RTCStats) => {
            if (stat.type === 'inbound-rtp') inbound = stat as RTCInboundRtpStreamStats;
          });
        } catch {
          // A consumer closed while we asked: report zeros.
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
  }

  // -------------------------------------------------------------------------------------------
  // Joining and leaving
  // -------------------------------------------------------------------------------------------

  /** Connects, joins and starts sending what the member chose on the pre-join screen. */
  async start(options: StartOptions): Promise<void> {
    if (this.#status !== 'idle') return;
    this.#mic.deviceId = options.micDeviceId ?? null;
    this.#camera.deviceId = options.cameraDeviceId ?? null;
    this.#audioOutputId = options.audioOutputId ?? null;
    this.#adoptTrack(this.#mic, options.micOn ? options.micTrack : null, options.micTrack);
    this.#adoptTrack(this.#camera, options.cameraOn ? options.cameraTrack : null, options.cameraTrack);
    this.#setStatus('connecting');

    // Opened here when the pre-join screen had none (a "Rejoin" after leaving).
    const opening: Promise<void>[] = [];
    if (options.micOn && !this.#mic.track) opening.push(this.#openLocal('mic'));
    if (options.cameraOn && !this.#camera.track) opening.push(this.#openLocal('camera'));

    let modules: [typeof import('socket.io-client'), typeof import('./device-factory')];
    try {
      [modules] = await Promise.all([
        Promise.all([import('socket.io-client'), import('./device-factory')]),
        claimPeerKey(this.slug).then((claim) => {
          this.#peerKey = claim.key;
          this.#releasePeerKey = claim.release;
        }),
        ...opening,
      ]);
    } catch {
      this.#fail(new CallError('unsupported'));
      return;
    }
    if (this.#closing) return;
    const [{ io }, { prepareDevices }] = modules;
    // The browser's capabilities are probed while the socket connects (see device-factory.ts).
    this.#devices = prepareDevices();

    const guestPass = this.#guestPass;
    const socket: CallSocket = io({
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 4_000,
      ...(guestPass
        ? {
            auth: (send: (data: object) => void) => {
              guestPass().then(
                (pass) => {
                  this.#guestPassError = null;
                  send({ guestPass: pass });
                },
                // No pass: refused for good (a revoked kiosk), or not reachable (offline, the
                // server restarting), which the connect_error handler retries.
                (error: unknown) => {
                  this.#guestPassError = error instanceof CallError ? error : null;
                  send({ guestPass: '' });
                },
              );
            },
          }
        : {}),
    });
    this.#socket = socket;
    this.#bindSocket(socket);
    this.#bindPage();
    this.#statsTimer = window.setInterval(() => void this.#pollStats(), STATS_INTERVAL_MS);
  }

  /** Tells the room, closes every transport and stops every local track. */
  async leave(): Promise<void> {
    if (this.#closing) return;
    this.#closing = true;
    const socket = this.#socket;
    if (socket?.connected && this.#joinedOnce) {
      try {
        await socket.timeout(2_000).emitWithAck('room:leave', {});
      } catch {
        // Leaving anyway: the server drops the peer when the socket goes.
      }
    }
    this.#teardown();
    this.#setStatus('left');
  }

  /**
   * For an unmount (the member navigated away): leave without waiting. The leave packet is
   * flushed before the socket closes.
   */
  dispose(): void {
    if (this.#closing) return;
    this.#closing = true;
    if (this.#socket?.connected && this.#joinedOnce) this.#socket.emit('room:leave', {}, () => {});
    this.#teardown();
    this.#setStatus('left');
  }

  // -------------------------------------------------------------------------------------------
  // Controls
  // -------------------------------------------------------------------------------------------

  async toggleMic(): Promise<void> {
    await this.setMicOn(this.#localState(this.#mic) !== 'on');
  }

  async toggleCamera(): Promise<void> {
    await this.setCameraOn(this.#localState(this.#camera) !== 'on');
  }

  setMicOn(on: boolean): Promise<void> {
    return this.#setSlotOn('mic', on);
  }

  setCameraOn(on: boolean): Promise<void> {
    return this.#setSlotOn('camera', on);
  }

  async setHandRaised(raised: boolean): Promise<void> {
    const self = this.#self;
    if (!self || self.handRaised === raised) return;
    this.#self = { ...self, handRaised: raised };
    this.#publish();
    try {
      await this.#request('hand:set', { raised });
    } catch (error) {
      if (this.#self) this.#self = { ...this.#self, handRaised: !raised };
      this.#publish();
      this.emit('notice', { kind: 'request', action: 'hand', error: asCallError(error) });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Host controls (the server refuses them to anyone but a host)
  // -------------------------------------------------------------------------------------------

  hostMute(peerId: string) {
    return this.#hostRequest('host:mute', { peerId });
  }

  muteAll() {
    return this.#hostRequest('host:mute-all', {});
  }

  askToUnmute(peerId: string) {
    return this.#hostRequest('host:ask-unmute', { peerId });
  }

  stopCamera(peerId: string) {
    return this.#hostRequest('host:stop-camera', { peerId });
  }

  spotlight(peerId: string | null) {
    return this.#hostRequest('host:spotlight', { peerId });
  }

  removePeer(peerId: string) {
    return this.#hostRequest('host:remove', { peerId });
  }

  async setControls(change: Partial<Pick<RoomControls, 'locked' | 'lobby' | 'screenShare'>>) {
    const controls = await this.#hostRequest('host:controls', change);
    if (controls) {
      this.#controls = controls;
      this.#publish();
    }
  }

  admit(entryId: string) {
    return this.#hostRequest('lobby:admit', { id: entryId });
  }

  deny(entryId: string) {
    return this.#hostRequest('lobby:deny', { id: entryId });
  }

  lowerHand(peerId: string) {
    return this.#hostRequest('hand:lower', { peerId });
  }

  /** Lowers the earliest raised hand and answers whose it was. */
  async nextHand(): Promise<string | null> {
    return (await this.#hostRequest('hand:next', {}))?.peerId ?? null;
  }

  /** Raised hands, earliest first (the order a host takes them in). */
  handQueue(): PeerView[] {
    const all = [...(this.#self ? [this.#self] : []), ...this.#peers.values()];
    return all
      .filter((peer) => peer.handRaisedAt !== null)
      .sort((a, b) => (a.handRaisedAt ?? '').localeCompare(b.handRaisedAt ?? ''));
  }

  async #hostRequest<E extends RequestName>(event: E, payload: RequestPayload<E>): Promise<RequestData<E> | null> {
    try {
      return await this.#request(event, payload);
    } catch (error) {
      this.emit('notice', { kind: 'request', action: 'host', error: asCallError(error) });
      return null;
    }
  }

  /** Sends a chat message; throws a CallError (e.g. rate_limited) for the chat panel to show. */
  async sendChat(text: string): Promise<void> {
    const trimmed = text.trim();
    if (!trimmed) return;
    if (trimmed.length > CHAT_MAX_LENGTH) throw new CallError('bad_request');
    const message = await this.#request('chat:send', { text: trimmed });
    this.#addChat(message);
  }

  /** Must be called from a click: browsers only open the screen picker on a user gesture. */
  async startScreenShare(): Promise<void> {
    if (this.#screen.video || this.#busy.screen) return;
    if (!navigator.mediaDevices?.getDisplayMedia) {
      this.emit('notice', { kind: 'device', source: 'screen', reason: 'insecure' });
      return;
    }
    this.#setBusy('screen', true);
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getDisplayMedia({
        video: true,
        audio: true,
        // Hints Chromium understands: do not offer this tab (a hall of mirrors), allow tab audio.
        selfBrowserSurface: 'exclude',
        systemAudio: 'include',
      } as DisplayMediaStreamOptions);
    } catch (error) {
      this.#setBusy('screen', false);
      // Closing the picker is a choice, not an error.
      if (mediaErrorCode(error) !== 'denied') {
        this.emit('notice', { kind: 'device', source: 'screen', reason: mediaErrorCode(error) });
      }
      return;
    }
    if (this.#closing) {
      stream.getTracks().forEach((track) => track.stop());
      return;
    }
    const video = stream.getVideoTracks()[0] ?? null;
    const audio = stream.getAudioTracks()[0] ?? null;
    if (!video) {
      stream.getTracks().forEach((track) => track.stop());
      this.#setBusy('screen', false);
      return;
    }
    video.contentHint = 'detail';
    // The browser's own "Stop sharing" bar ends the track.
    video.addEventListener('ended', () => void this.stopScreenShare(), { once: true });
    this.#screen = { video, audio };
    this.#publish();
    try {
      if (this.#status === 'joined') {
        await this.#produce('screen', video);
        if (audio) await this.#produce('screen-audio', audio);
      }
    } catch (error) {
      this.emit('notice', { kind: 'request', action: 'screen', error: asCallError(error) });
      await this.stopScreenShare();
    } finally {
      this.#setBusy('screen', false);
    }
  }

  async stopScreenShare(): Promise<void> {
    const { video, audio } = this.#screen;
    if (!video && !audio) return;
    this.#screen = { video: null, audio: null };
    video?.stop();
    audio?.stop();
    this.#publish();
    await Promise.all([this.#closeProducer('screen'), this.#closeProducer('screen-audio')]);
  }

  /** A different camera or microphone, mid-call: the producer keeps going with the new track. */
  async switchDevice(kind: 'audioinput' | 'videoinput', deviceId: string): Promise<void> {
    const source: LocalSource = kind === 'audioinput' ? 'mic' : 'camera';
    const slot = kind === 'audioinput' ? this.#mic : this.#camera;
    if (slot.deviceId === deviceId && isLive(slot.track)) return;
    slot.deviceId = deviceId;
    if (!isLive(slot.track)) {
      this.#publish();
      return;
    }
    this.#setBusy(source, true);
    const open = () => (kind === 'audioinput' ? openMicrophone(deviceId) : openCamera(deviceId));
    try {
      let next: MediaStreamTrack;
      try {
        next = await open();
      } catch (error) {
        // Phones cannot open the front and back camera at once: free the old one and retry.
        if (mediaErrorCode(error) !== 'in_use') throw error;
        slot.track?.stop();
        next = await open();
      }
      if (kind === 'videoinput' && slot.paused) next.enabled = false;
      const producer = this.#producers.get(source);
      if (producer && !producer.closed) await producer.replaceTrack({ track: next });
      const old = slot.track;
      slot.track = next;
      this.#watchTrackEnd(source, next);
      if (old !== next) old?.stop();
      this.#publish();
    } catch (error) {
      this.emit('notice', { kind: 'device', source, reason: mediaErrorCode(error) });
    } finally {
      this.#setBusy(source, false);
    }
  }

  setAudioOutput(deviceId: string | null): void {
    this.#audioOutputId = deviceId;
    this.#publish();
  }

  /**
   * Reports a video tile's element so its size and visibility reach the server (which picks
   * the simulcast layer and pauses what nobody sees). Returns the function that stops it.
   */
  observeTile(consumerId: string, element: Element): () => void {
    if (typeof ResizeObserver === 'undefined' || typeof IntersectionObserver === 'undefined') return () => {};
    this.#resizeObserver ??= new ResizeObserver((entries) => {
      // Sizes are read when the preferences are sent; a resize only says "send again".
      if (entries.some((entry) => this.#elementConsumer.has(entry.target))) this.#schedulePreferences();
    });
    this.#intersectionObserver ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = this.#elementConsumer.get(entry.target);
          if (id) this.#tileIntersecting.set(id, entry.isIntersecting);
        }
        this.#schedulePreferences();
      },
      { threshold: [0, 0.01] },
    );
    const previous = this.#tileElements.get(consumerId);
    if (previous && previous !== element) {
      this.#resizeObserver.unobserve(previous);
      this.#intersectionObserver.unobserve(previous);
    }
    this.#tileElements.set(consumerId, element);
    this.#elementConsumer.set(element, consumerId);
    this.#resizeObserver.observe(element);
    this.#intersectionObserver.observe(element);
    this.#schedulePreferences();
    return () => {
      if (this.#tileElements.get(consumerId) !== element) return;
      this.#tileElements.delete(consumerId);
      this.#tileIntersecting.delete(consumerId);
      this.#resizeObserver?.unobserve(element);
      this.#intersectionObserver?.unobserve(element);
      this.#schedulePreferences();
    };
  }

  // -------------------------------------------------------------------------------------------
  // Signalling
  // -------------------------------------------------------------------------------------------

  async #request<E extends RequestName>(event: E, payload: RequestPayload<E>): Promise<RequestData<E>> {
    const socket = this.#socket;
    // NOTE: socket.io buffers emits while disconnected and sends them after the reconnect,
    // before our room:join; refuse instead, the rejoin resynchronises state.
    if (!socket?.connected) throw new CallError('disconnected');
    type Emit = { emitWithAck(event: string, payload: unknown): Promise<Ack<RequestData<E>>> };
    let response: Ack<RequestData<E>>;
    try {
      response = await (socket.timeout(REQUEST_TIMEOUT_MS) as unknown as Emit).emitWithAck(event, payload);
    } catch {
      throw new CallError(socket.connected ? 'timeout' : 'disconnected');
    }
    if (!response.ok) throw new CallError(response.error.code, response.error.message);
    return response.data;
  }

  #bindSocket(socket: CallSocket): void {
    socket.on('connect', () => {
      if (this.#closing) return;
      this.#runJoin(this.#joinedOnce ? 'reconnect' : 'initial');
    });
    socket.on('disconnect', (reason) => {
      if (this.#closing) return;
      this.#epoch++;
      this.#setStatus(this.#joinedOnce ? 'reconnecting' : 'connecting');
      // The server closed the socket on purpose (e.g. it is restarting): socket.io does not
      // retry those by itself.
      if (reason === 'io server disconnect') window.setTimeout(() => !this.#closing && socket.connect(), 1_000);
    });
    socket.on('connect_error', (error) => {
      if (this.#closing) return;
      // `active` is false when the server's middleware refused the handshake (no session).
      if (!socket.active) {
        const code = (error as { data?: { code?: string } }).data?.code;
        if (this.#guestPass) {
          // A guest keeps trying by itself (a kiosk has no one to press a button), unless the
          // pass was refused for good.
          const final = this.#guestPassError ?? (code === 'kiosk_revoked' ? new CallError('kiosk_revoked') : null);
          if (final) this.#fail(final);
          else window.setTimeout(() => !this.#closing && socket.connect(), 2_000);
          return;
        }
        this.#fail(new CallError(code === 'unauthorized' ? 'unauthorized' : 'internal'));
      }
    });

    socket.on('peer:joined', (peer) => this.#upsertPeer(peer));
    socket.on('peer:updated', (peer) => this.#upsertPeer(peer));
    socket.on('peer:left', ({ peerId }) => this.#removePeer(peerId));

    socket.on('consumer:created', (info) => this.#onConsumerCreated(info));
    socket.on('consumer:closed', ({ consumerId }) => this.#closeConsumer(consumerId));
    socket.on('consumer:paused', ({ consumerId }) => this.#setConsumerPaused(consumerId, true));
    socket.on('consumer:resumed', ({ consumerId }) => this.#setConsumerPaused(consumerId, false));
    socket.on('consumer:score', ({ consumerId, score, producerScore }) => {
      const entry = this.#consumers.get(consumerId);
      if (!entry) return;
      entry.score = score;
      entry.producerScore = producerScore;
      this.#updateQuality(entry);
    });
    socket.on('producer:score', ({ producerId, score }) => {
      for (const [source, producer] of this.#producers) {
        if (producer.id !== producerId) continue;
        const before = this.#localQuality();
        this.#producerScores.set(source, score);
        if (this.#localQuality() !== before) this.#publish();
      }
    });

    socket.on('speaker:changed', ({ peerId }) => {
      this.#activeSpeaker = peerId;
      if (peerId) this.#recentSpeakers = rememberSpeaker(this.#recentSpeakers, peerId);
      this.#publish();
    });
    socket.on('chat:posted', (message) => {
      if (this.#addChat(message) && message.peerId !== this.#self?.id) this.emit('chat', message);
    });
    socket.on('room:controls', (controls) => {
      this.#controls = controls;
      this.#publish();
    });
    socket.on('lobby:updated', ({ lobby }) => {
      const known = new Set(this.#lobby.map((entry) => entry.id));
      for (const entry of lobby) if (!known.has(entry.id)) this.emit('notice', { kind: 'lobby', name: entry.name });
      this.#lobby = lobby;
      this.#publish();
    });
    socket.on('lobby:admitted', () => {
      if (this.#closing || this.#status !== 'waiting') return;
      this.#runJoin('initial');
    });
    socket.on('lobby:denied', () => this.#fail(new CallError('lobby_denied')));
    socket.on('room:removed', () => this.#fail(new CallError('removed')));
    socket.on('host:muted', () => {
      this.emit('notice', { kind: 'host', action: 'muted' });
      void this.setMicOn(false);
    });
    socket.on('host:unmute-requested', () => this.emit('notice', { kind: 'host', action: 'unmute-requested' }));
    socket.on('host:camera-stopped', () => {
      // The server closed our camera producer; keep the track, switched off, for a later "on".
      const producer = this.#producers.get('camera');
      if (producer) {
        producer.close();
        this.#producers.delete('camera');
      }
      this.#camera.paused = true;
      if (this.#camera.track) this.#camera.track.enabled = false;
      this.emit('notice', { kind: 'host', action: 'camera-stopped' });
      this.#publish();
    });
    socket.on('room:reset', () => {
      if (this.#closing) return;
      this.#mediaReconnecting = true;
      this.#closeAllMedia();
      this.#device = null;
      this.#publish();
      this.#runJoin('reset');
    });
  }

  #bindPage(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
    window.addEventListener('offline', this.#onOffline);
    window.addEventListener('online', this.#onOnline);
  }

  readonly #onVisibility = () => this.#schedulePreferences();

  /**
   * The browser knows before the socket does: a WebSocket over a dead network can look open
   * until the ping times out (up to 45 s). Close it now, so the call shows "reconnecting".
   */
  readonly #onOffline = () => {
    const socket = this.#socket;
    if (this.#closing || !socket?.connected) return;
    socket.io.engine?.close();
  };

  /** Back online: try at once instead of waiting out socket.io's backoff. */
  readonly #onOnline = () => {
    const socket = this.#socket;
    if (this.#closing || !socket || socket.connected) return;
    socket.disconnect();
    socket.connect();
  };

  /** Joins run one after another; a newer one makes an older one stop at its next step. */
  #runJoin(reason: 'initial' | 'reconnect' | 'reset'): void {
    this.#joinChain = this.#joinChain.then(() => this.#join(reason)).catch((error: unknown) => {
      console.error('[hubro call] join failed', error);
    });
  }

  async #join(reason: 'initial' | 'reconnect' | 'reset'): Promise<void> {
    const epoch = ++this.#epoch;
    const socket = this.#socket;
    if (!socket?.connected || this.#closing) return;
    if (reason === 'initial') this.#setStatus('joining');

    const keepTransports = reason === 'reconnect' ? this.#liveTransportIds() : [];
    let result: JoinResult;
    try {
      const answer = await this.#request('room:join', {
        room: this.slug,
        peerKey: this.#peerKey,
        displayName: this.#displayName || undefined,
        ...(this.#invite ? { invite: this.#invite } : {}),
        ...(keepTransports.length > 0 ? { keepTransports } : {}),
        ...(this.#classroom ? { classroom: true } : {}),
      });
      if (answer.waiting) {
        if (epoch !== this.#epoch) return;
        this.#room = { ...answer.room, capacity: 0 };
        this.#setStatus('waiting');
        // Ask again now and then: the room may have closed and opened again while we waited
        // (no one was in it), and a repeated join keeps our place.
        if (this.#waitTimer !== null) window.clearTimeout(this.#waitTimer);
        this.#waitTimer = window.setTimeout(() => {
          this.#waitTimer = null;
          if (epoch === this.#epoch && this.#status === 'waiting' && !this.#closing) this.#runJoin('initial');
        }, 20_000);
        return;
      }
      result = answer;
    } catch (error) {
      if (epoch !== this.#epoch) return;
      const callError = asCallError(error);
      if (FATAL_JOIN_CODES.has(callError.code) || (!this.#joinedOnce && callError.code === 'internal')) {
        this.#fail(callError);
      } else if (socket.connected) {
        // A timeout or a passing server error: try again shortly.
        window.setTimeout(() => {
          if (epoch === this.#epoch && !this.#closing) this.#runJoin(reason);
        }, 2_000);
      }
      return;
    }
    if (epoch !== this.#epoch || this.#closing) return;

    this.#room = result.room;
    this.#self = result.self;
    this.#controls = result.controls;
    this.#lobby = result.lobby;
    // The JoinResult is the truth after a reconnect: notifications may have been missed.
    this.#peers = new Map(result.peers.filter((peer) => peer.id !== result.self.id).map((peer) => [peer.id, peer]));
    this.#chat = [];
    for (const message of result.chat) this.#addChat(message, false);
    this.#activeSpeaker = result.activeSpeaker;

    // Transports the server kept get an ICE restart; the others are rebuilt below.
    const kept = new Set(result.keptTransports);
    for (const direction of ['send', 'recv'] as const) {
      const transport = direction === 'send' ? this.#sendTransport : this.#recvTransport;
      if (!transport) continue;
      if (kept.has(transport.id)) void this.#restartIce(transport);
      else this.#closeTransport(direction);
    }
    for (const [consumerId, entry] of this.#consumers) {
      if (!this.#peers.has(entry.info.peerId)) this.#closeConsumer(consumerId);
    }

    try {
      if (!this.#device || (!this.#sendTransport && !this.#recvTransport)) {
        // A fresh Device whenever nothing was kept: the router may be a new one.
        const device = this.#devices!.create();
        await device.load({ routerRtpCapabilities: result.routerRtpCapabilities as mediasoupTypes.RtpCapabilities });
        if (epoch !== this.#epoch) return;
        this.#device = device;
      }
      const needReady = !this.#recvTransport;
      if (needReady) await this.#createTransport('recv', epoch);
      if (epoch !== this.#epoch) return;
      this.#joinedOnce = true;
      this.#setStatus('joined');
      this.#flushPendingConsumers();
      if (needReady) await this.#request('room:ready', { rtpCapabilities: this.#device.rtpCapabilities });
      if (epoch !== this.#epoch) return;

      if (this.#sendTransport) await this.#syncProducerStates();
      else await this.#produceLocal(epoch);
    } catch (error) {
      if (epoch !== this.#epoch || this.#closing) return;
      const callError = asCallError(error);
      if (!this.#joinedOnce) {
        this.#fail(callError);
        return;
      }
      // Media could not be rebuilt (e.g. a timeout): try the whole join again.
      this.emit('notice', { kind: 'request', action: 'produce', error: callError });
      if (socket.connected) {
        window.setTimeout(() => {
          if (epoch === this.#epoch && !this.#closing) {
            this.#closeAllMedia();
            this.#runJoin('reset');
          }
        }, 2_000);
      }
      return;
    }
    this.#mediaReconnecting = false;
    this.#lastPreferences = '';
    this.#schedulePreferences();
    this.#publish();
  }

  #liveTransportIds(): string[] {
    return [this.#sendTransport, this.#recvTransport]
      .filter((t): t is Transport => !!t && !t.closed && t.connectionState !== 'failed' && t.connectionState !== 'closed')
      .map((t) => t.id);
  }

  // -------------------------------------------------------------------------------------------
  // Transports
  // -------------------------------------------------------------------------------------------

  async #createTransport(direction: 'send' | 'recv', epoch = this.#epoch): Promise<Transport> {
    const options: TransportOptions = await this.#request('transport:create', { direction });
    const device = this.#device;
    if (!device || epoch !== this.#epoch || this.#closing) throw new CallError('disconnected');
    const params: mediasoupTypes.TransportOptions = {
      id: options.id,
      iceParameters: options.iceParameters as mediasoupTypes.IceParameters,
      iceCandidates: options.iceCandidates as mediasoupTypes.IceCandidate[],
      dtlsParameters: options.dtlsParameters as mediasoupTypes.DtlsParameters,
      sctpParameters: options.sctpParameters as mediasoupTypes.SctpParameters | undefined,
      iceServers: options.iceServers,
      // Gather local candidates now, not when the first consume sets the local description:
      // the checks (and DTLS, and the first keyframe) start that much sooner.
      additionalSettings: { iceCandidatePoolSize: 1 },
    };
    const transport = direction === 'send' ? device.createSendTransport(params) : device.createRecvTransport(params);
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      const connected = this.#request('transport:connect', { transportId: transport.id, dtlsParameters });
      if (direction === 'send') {
        connected.then(() => callback(), errback);
        return;
      }
      // The receive side's first consume waits here before it sets its local description and
      // ICE can start. The server needs our DTLS fingerprint only when our first DTLS packet
      // arrives, which is after ICE has connected, long after this request: so the first
      // consume goes on at once. If the request fails, the transport cannot finish DTLS and
      // the failure path (ICE restart, then a rebuild) takes over.
      callback();
      connected.catch((error: unknown) => console.error('[hubro call] transport:connect failed', error));
    });
    transport.on('connectionstatechange', (state) => {
      if (state === 'failed') void this.#onTransportFailed(transport);
      if (state === 'connected') {
        const timer = this.#iceTimers.get(transport.id);
        if (timer) window.clearTimeout(timer);
        this.#iceTimers.delete(transport.id);
      }
    });
    if (direction === 'send') {
      transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
        this.#request('producer:create', {
          transportId: transport.id,
          kind,
          source: appData.source as MediaSource,
          rtpParameters,
        }).then(({ producerId }) => callback({ id: producerId }), errback);
      });
      this.#sendTransport = transport;
    } else {
      this.#recvTransport = transport;
    }
    return transport;
  }

  #ensureSendTransport(): Promise<Transport> {
    if (this.#sendTransport && !this.#sendTransport.closed) return Promise.resolve(this.#sendTransport);
    this.#sendTransportPending ??= this.#createTransport('send').finally(() => {
      this.#sendTransportPending = null;
    });
    return this.#sendTransportPending;
  }

  async #restartIce(transport: Transport): Promise<void> {
    try {
      const { iceParameters } = await this.#request('transport:restart-ice', { transportId: transport.id });
      if (!transport.closed) await transport.restartIce({ iceParameters: iceParameters as mediasoupTypes.IceParameters });
    } catch {
      // The failure timer (or the next rejoin) rebuilds the transport.
    }
  }

  /** ICE restart first; if the transport is still failed after the grace, rebuild it. */
  async #onTransportFailed(transport: Transport): Promise<void> {
    if (transport.closed || this.#iceTimers.has(transport.id)) return;
    // Without the socket the rejoin decides (it does not keep failed transports).
    if (!this.#socket?.connected || this.#status !== 'joined') return;
    const timer = window.setTimeout(() => {
      this.#iceTimers.delete(transport.id);
      if (transport.closed || transport.connectionState !== 'failed') return;
      if (this.#status !== 'joined') return;
      void this.#rebuildTransport(transport);
    }, ICE_RESTART_GRACE_MS);
    this.#iceTimers.set(transport.id, timer);
    await this.#restartIce(transport);
  }

  async #rebuildTransport(transport: Transport): Promise<void> {
    const epoch = this.#epoch;
    const direction = transport === this.#sendTransport ? 'send' : transport === this.#recvTransport ? 'recv' : null;
    if (!direction) return;
    this.#mediaReconnecting = true;
    this.#publish();
    try {
      if (direction === 'send') {
        // The server would refuse a second producer for the same source.
        const ids = [...this.#producers.values()].map((producer) => producer.id);
        this.#closeTransport('send');
        await Promise.all(ids.map((producerId) => this.#request('producer:close', { producerId }).catch(() => {})));
        await this.#produceLocal(epoch);
      } else {
        this.#closeTransport('recv');
        await this.#createTransport('recv', epoch);
        this.#flushPendingConsumers();
        await this.#request('room:ready', { rtpCapabilities: this.#device!.rtpCapabilities });
      }
    } catch (error) {
      this.emit('notice', { kind: 'request', action: 'produce', error: asCallError(error) });
    } finally {
      this.#mediaReconnecting = false;
      this.#publish();
    }
  }

  #closeTransport(direction: 'send' | 'recv'): void {
    if (direction === 'send') {
      for (const producer of this.#producers.values()) producer.close();
      this.#producers.clear();
      this.#producerScores.clear();
      this.#sendTransport?.close();
      this.#sendTransport = null;
    } else {
      for (const consumerId of [...this.#consumers.keys()]) this.#closeConsumer(consumerId);
      this.#recvTransport?.close();
      this.#recvTransport = null;
    }
    this.#publish();
  }

  /** Everything mediasoup; the local tracks stay (they are re-sent after a rebuild). */
  #closeAllMedia(): void {
    this.#closeTransport('send');
    this.#closeTransport('recv');
    this.#pendingConsumers = [];
    for (const timer of this.#iceTimers.values()) window.clearTimeout(timer);
    this.#iceTimers.clear();
  }

  // -------------------------------------------------------------------------------------------
  // Producing
  // -------------------------------------------------------------------------------------------

  async #produce(source: MediaSource, track: MediaStreamTrack): Promise<Producer | null> {
    const device = this.#device;
    if (!device) throw new CallError('disconnected');
    const kind = track.kind as 'audio' | 'video';
    if (!device.canProduce(kind)) throw new CallError('media_rejected');
    const existing = this.#producers.get(source);
    if (existing && !existing.closed) return existing;
    const transport = await this.#ensureSendTransport();
    // NOTE: stopTracks is false everywhere: the session owns the tracks, so a rebuilt
    // transport can send the same camera again without a new permission prompt.
    let options: mediasoupTypes.ProducerOptions;
    switch (source) {
      case 'mic':
        options = {
          codecOptions: { opusDtx: true, opusFec: true },
          // Muting keeps the track enabled (the "you are muted" hint listens to it) and stops
          // the RTP instead.
          disableTrackOnPause: false,
          zeroRtpOnPause: true,
        };
        break;
      case 'camera':
        options = {
          codec: device.rtpCapabilities.codecs?.find((codec) => codec.mimeType.toLowerCase() === 'video/vp8'),
          encodings: CAMERA_ENCODINGS,
          codecOptions: { videoGoogleStartBitrate: 1000 },
        };
        break;
      case 'screen':
        options = { encodings: [{ maxBitrate: 2_500_000 }], codecOptions: { videoGoogleStartBitrate: 1000 } };
        break;
      case 'screen-audio':
        options = { codecOptions: { opusStereo: true, opusFec: true } };
        break;
    }
    const producer = await transport.produce({ ...options, track, stopTracks: false, appData: { source } });
    if (this.#closing || transport.closed) {
      producer.close();
      return null;
    }
    this.#producers.set(source, producer);
    producer.on('transportclose', () => {
      if (this.#producers.get(source) === producer) this.#producers.delete(source);
    });
    this.#publish();
    return producer;
  }

  async #closeProducer(source: MediaSource): Promise<void> {
    const producer = this.#producers.get(source);
    if (!producer) return;
    this.#producers.delete(source);
    this.#producerScores.delete(source);
    producer.close();
    this.#publish();
    await this.#request('producer:close', { producerId: producer.id }).catch(() => {});
  }

  /** Sends every live local track (after joining or after a rebuilt send transport). */
  async #produceLocal(epoch: number): Promise<void> {
    const jobs: Array<[MediaSource, MediaStreamTrack | null, LocalSlot | null]> = [
      ['mic', this.#mic.track, this.#mic],
      ['camera', this.#camera.track, this.#camera],
      ['screen', this.#screen.video, null],
      ['screen-audio', this.#screen.audio, null],
    ];
    for (const [source, track, slot] of jobs) {
      if (!isLive(track) || epoch !== this.#epoch || this.#closing) continue;
      try {
        // NOTE: producer:create has no "paused" flag, so a muted mic is produced silent and
        // paused at once: the track is disabled until the server has the producer paused.
        const muted = !!slot?.paused;
        if (muted && source === 'mic') track.enabled = false;
        const producer = await this.#produce(source, track);
        if (producer && muted) {
          producer.pause();
          await this.#request('producer:pause', { producerId: producer.id }).catch(() => {});
        }
        if (muted && source === 'mic') track.enabled = true;
      } catch (error) {
        if (epoch !== this.#epoch) return;
        this.emit('notice', { kind: 'request', action: 'produce', error: asCallError(error) });
      }
    }
  }

  /** After a reconnect that kept the send transport: the server may have missed a mute. */
  async #syncProducerStates(): Promise<void> {
    await Promise.all(
      [...this.#producers.values()].map((producer) =>
        this.#request(producer.paused ? 'producer:pause' : 'producer:resume', { producerId: producer.id }).catch(() => {}),
      ),
    );
    // Tracks opened while the socket was away (e.g. the camera switched on offline).
    await this.#produceLocal(this.#epoch);
  }

  async #setSlotOn(source: 'mic' | 'camera', on: boolean): Promise<void> {
    const slot = source === 'mic' ? this.#mic : this.#camera;
    if (this.#busy[source] || this.#closing) return;
    if (!on) {
      if (!slot.track || slot.paused) return;
      slot.paused = true;
      const producer = this.#producers.get(source);
      producer?.pause();
      if (source === 'camera' && slot.track) slot.track.enabled = false;
      this.#publish();
      if (producer) await this.#request('producer:pause', { producerId: producer.id }).catch(() => {});
      return;
    }
    if (isLive(slot.track)) {
      if (!slot.paused) return;
      slot.paused = false;
      slot.track.enabled = true;
      const producer = this.#producers.get(source);
      producer?.resume();
      this.#publish();
      try {
        if (producer) await this.#request('producer:resume', { producerId: producer.id });
        else if (this.#status === 'joined') await this.#produce(source, slot.track);
      } catch (error) {
        this.emit('notice', { kind: 'request', action: source, error: asCallError(error) });
      }
      return;
    }
    // First "on": open the device, then send it.
    this.#setBusy(source, true);
    try {
      await this.#openLocal(source);
      if (isLive(slot.track) && this.#status === 'joined') await this.#produce(source, slot.track);
    } catch (error) {
      this.emit('notice', { kind: 'request', action: source, error: asCallError(error) });
    } finally {
      this.#setBusy(source, false);
    }
  }

  /** Opens the microphone or camera into its slot; a failure becomes a notice. */
  async #openLocal(source: 'mic' | 'camera'): Promise<void> {
    const slot = source === 'mic' ? this.#mic : this.#camera;
    try {
      const track = source === 'mic' ? await openMicrophone(slot.deviceId) : await openCamera(slot.deviceId);
      if (this.#closing) {
        track.stop();
        return;
      }
      slot.track?.stop();
      slot.track = track;
      slot.paused = false;
      slot.deviceId = track.getSettings().deviceId ?? slot.deviceId;
      this.#watchTrackEnd(source, track);
      this.#publish();
    } catch (error) {
      this.emit('notice', { kind: 'device', source, reason: mediaErrorCode(error) });
    }
  }

  #adoptTrack(slot: LocalSlot, track: MediaStreamTrack | null | undefined, offered: MediaStreamTrack | null | undefined): void {
    if (offered && offered !== track) offered.stop();
    if (!isLive(track)) return;
    slot.track = track;
    slot.paused = false;
    slot.deviceId = track.getSettings().deviceId ?? slot.deviceId;
    this.#watchTrackEnd(slot === this.#mic ? 'mic' : 'camera', track);
  }

  /** A device unplugged (or revoked) ends its track: stop sending it. */
  #watchTrackEnd(source: 'mic' | 'camera', track: MediaStreamTrack): void {
    track.addEventListener(
      'ended',
      () => {
        const slot = source === 'mic' ? this.#mic : this.#camera;
        if (slot.track !== track || this.#closing) return;
        slot.track = null;
        slot.paused = false;
        void this.#closeProducer(source);
        this.#publish();
        this.emit('notice', { kind: 'device', source, reason: 'not_found' });
      },
      { once: true },
    );
  }

  // -------------------------------------------------------------------------------------------
  // Consuming
  // -------------------------------------------------------------------------------------------

  #onConsumerCreated(info: ConsumerCreated): void {
    if (!this.#recvTransport || this.#recvTransport.closed) {
      this.#pendingConsumers.push(info);
      return;
    }
    void this.#consume(info, this.#recvTransport);
  }

  #flushPendingConsumers(): void {
    const transport = this.#recvTransport;
    if (!transport) return;
    const pending = this.#pendingConsumers;
    this.#pendingConsumers = [];
    for (const info of pending) void this.#consume(info, transport);
  }

  async #consume(info: ConsumerCreated, transport: Transport): Promise<void> {
    // One consumer per producer: a re-sent consumer replaces the one we had.
    for (const [consumerId, entry] of this.#consumers) {
      if (entry.info.producerId === info.producerId && consumerId !== info.consumerId) this.#closeConsumer(consumerId);
    }
    if (this.#consumers.has(info.consumerId)) return;
    let consumer: Consumer;
    try {
      consumer = await transport.consume({
        id: info.consumerId,
        producerId: info.producerId,
        kind: info.kind,
        rtpParameters: info.rtpParameters as mediasoupTypes.RtpParameters,
        // One stream per peer keeps lip sync between its audio and video.
        streamId: `${info.peerId}-${info.source === 'mic' || info.source === 'camera' ? 'av' : 'screen'}`,
      });
    } catch (error) {
      console.error('[hubro call] consume failed', error);
      return;
    }
    if (transport.closed || transport !== this.#recvTransport) {
      consumer.close();
      return;
    }
    const entry: ConsumerEntry = {
      consumer,
      info,
      producerPaused: info.producerPaused,
      score: 10,
      producerScore: 10,
      loss: 0,
      jitter: 0,
      quality: 3,
    };
    this.#consumers.set(info.consumerId, entry);
    consumer.on('transportclose', () => this.#closeConsumer(info.consumerId));
    // The track is in the snapshot now, so React attaches it; then the server starts sending.
    this.#publish();
    await this.#resumeConsumer(info.consumerId);
  }

  /**
   * NOTE: joining a busy room resumes two consumers per person at once, which can exceed the
   * socket's event budget (rate_limited); those are retried with a growing pause.
   */
  async #resumeConsumer(consumerId: string, attempt = 0): Promise<void> {
    try {
      await this.#request('consumer:resume', { consumerId });
    } catch (error) {
      const code = asCallError(error).code;
      if ((code === 'rate_limited' || code === 'timeout') && attempt < 6 && this.#consumers.has(consumerId)) {
        await new Promise((resolve) => window.setTimeout(resolve, 1_000 * 2 ** Math.min(attempt, 3) + Math.random() * 500));
        if (this.#consumers.has(consumerId) && !this.#closing) await this.#resumeConsumer(consumerId, attempt + 1);
        return;
      }
      if (code !== 'disconnected') console.error('[hubro call] consumer:resume failed', error);
    }
  }

  #closeConsumer(consumerId: string): void {
    const entry = this.#consumers.get(consumerId);
    if (!entry) return;
    this.#consumers.delete(consumerId);
    entry.consumer.close();
    this.#publish();
    this.#schedulePreferences();
  }

  #setConsumerPaused(consumerId: string, paused: boolean): void {
    const entry = this.#consumers.get(consumerId);
    if (!entry || entry.producerPaused === paused) return;
    entry.producerPaused = paused;
    this.#publish();
  }

  #updateQuality(entry: ConsumerEntry): void {
    const quality = qualityBars(entry.score, entry.producerScore, entry.loss, entry.jitter);
    if (quality === entry.quality) return;
    entry.quality = quality;
    this.#publish();
  }

  async #pollStats(): Promise<void> {
    if (this.#status !== 'joined' || document.visibilityState === 'hidden') return;
    await Promise.all(
      [...this.#consumers.values()].map(async (entry) => {
        try {
          const report = await entry.consumer.getStats();
          report.forEach((stat: RTCStats) => {
            if (stat.type !== 'inbound-rtp') return;
            const inbound = stat as RTCInboundRtpStreamStats;
            const sample: InboundSample = {
              packetsLost: inbound.packetsLost ?? 0,
              packetsReceived: inbound.packetsReceived ?? 0,
              jitter: inbound.jitter ?? 0,
            };
            entry.loss = lossBetween(entry.lastSample, sample);
            entry.jitter = sample.jitter;
            entry.lastSample = sample;
          });
          this.#updateQuality(entry);
        } catch {
          // Closed in the meantime.
        }
      }),
    );
  }

  // -------------------------------------------------------------------------------------------
  // Peers and chat
  // -------------------------------------------------------------------------------------------

  #upsertPeer(peer: PeerView): void {
    if (peer.id === this.#self?.id) {
      this.#self = peer;
      this.#publish();
      return;
    }
    const before = this.#peers.get(peer.id);
    this.#peers.set(peer.id, peer);
    if (!before) {
      // Also for a peer:updated about someone we never heard join (a missed notification).
      this.emit('announce', { kind: 'joined', peerId: peer.id, name: peer.name });
    } else {
      this.#announceChanges(before, peer);
    }
    this.#publish();
  }

  #announceChanges(before: PeerView, after: PeerView): void {
    const say = (kind: Announcement['kind']) => this.emit('announce', { kind, peerId: after.id, name: after.name });
    if (before.media.mic === 'on' && after.media.mic !== 'on') say('muted');
    else if (before.media.mic === 'muted' && after.media.mic === 'on') say('unmuted');
    if (!before.handRaised && after.handRaised) say('hand-raised');
    else if (before.handRaised && !after.handRaised) say('hand-lowered');
    if (before.media.screen === 'off' && after.media.screen !== 'off') say('screen-started');
    else if (before.media.screen !== 'off' && after.media.screen === 'off') say('screen-stopped');
  }

  #removePeer(peerId: string): void {
    const peer = this.#peers.get(peerId);
    if (!peer) return;
    this.#peers.delete(peerId);
    for (const [consumerId, entry] of this.#consumers) {
      if (entry.info.peerId === peerId) this.#closeConsumer(consumerId);
    }
    this.#recentSpeakers = this.#recentSpeakers.filter((id) => id !== peerId);
    if (this.#activeSpeaker === peerId) this.#activeSpeaker = null;
    this.emit('announce', { kind: 'left', peerId, name: peer.name });
    this.#publish();
  }

  /** Adds a message unless it is already there (our own comes back as chat:posted too). */
  #addChat(message: ChatMessage, publish = true): boolean {
    if (this.#chat.some((m) => m.id === message.id)) return false;
    this.#chat = [...this.#chat, message].sort((a, b) => a.at.localeCompare(b.at));
    if (publish) this.#publish();
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Tile preferences
  // -------------------------------------------------------------------------------------------

  #schedulePreferences(): void {
    if (this.#preferencesTimer !== null) window.clearTimeout(this.#preferencesTimer);
    this.#preferencesTimer = window.setTimeout(() => {
      this.#preferencesTimer = null;
      void this.#sendPreferences();
    }, PREFERENCES_DEBOUNCE_MS);
  }

  async #sendPreferences(): Promise<void> {
    if (this.#status !== 'joined' || !this.#socket?.connected) return;
    const pageVisible = document.visibilityState !== 'hidden';
    const tiles: TilePreference[] = [];
    for (const [consumerId, entry] of this.#consumers) {
      if (entry.info.kind !== 'video') continue;
      const element = this.#tileElements.get(consumerId);
      // Measured now rather than from the observers' last report: a tile that just mounted
      // has not been reported yet and must not be paused for it.
      const box = element?.getBoundingClientRect();
      const width = Math.round(box?.width ?? 0);
      const height = Math.round(box?.height ?? 0);
      const intersecting = this.#tileIntersecting.get(consumerId) ?? true;
      tiles.push({ consumerId, visible: pageVisible && !!element && intersecting && width > 0, width, height });
    }
    const limited = tiles.slice(0, MAX_TILE_PREFERENCES);
    const key = JSON.stringify(limited);
    if (key === this.#lastPreferences || limited.length === 0) return;
    this.#lastPreferences = key;
    try {
      await this.#request('consumer:preferences', { tiles: limited });
    } catch {
      this.#lastPreferences = '';
    }
  }

  // -------------------------------------------------------------------------------------------
  // State
  // -------------------------------------------------------------------------------------------

  #fail(error: CallError): void {
    if (this.#closing) return;
    this.#closing = true;
    this.#error = error;
    this.#teardown();
    this.#setStatus('failed');
  }

  #teardown(): void {
    this.#epoch++;
    this.#closeAllMedia();
    for (const track of [this.#mic.track, this.#camera.track, this.#screen.video, this.#screen.audio]) track?.stop();
    this.#mic.track = null;
    this.#camera.track = null;
    this.#screen = { video: null, audio: null };
    if (this.#statsTimer !== null) window.clearInterval(this.#statsTimer);
    if (this.#waitTimer !== null) window.clearTimeout(this.#waitTimer);
    if (this.#preferencesTimer !== null) window.clearTimeout(this.#preferencesTimer);
    this.#resizeObserver?.disconnect();
    this.#intersectionObserver?.disconnect();
    if (typeof document !== 'undefined') {
      document.removeEventListener('visibilitychange', this.#onVisibility);
      window.removeEventListener('offline', this.#onOffline);
      window.removeEventListener('online', this.#onOnline);
    }
    this.#releasePeerKey?.();
    this.#releasePeerKey = null;
    const socket = this.#socket;
    this.#socket = null;
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
  }

  #setStatus(status: CallStatus): void {
    if (this.#status === status) return;
    this.#status = status;
    this.#publish();
  }

  #setBusy(source: LocalSource, busy: boolean): void {
    this.#busy[source] = busy;
    this.#publish();
  }

  #localState(slot: LocalSlot): MediaState {
    if (!isLive(slot.track)) return 'off';
    return slot.paused ? 'muted' : 'on';
  }

  #localQuality(): QualityBars {
    const scores = [...this.#producerScores.values()];
    return scores.length === 0 ? 3 : barsFromScore(Math.min(...scores));
  }

  /** Coalesces bursts of changes (a rejoin touches everything) into one render. */
  #publish(): void {
    if (this.#publishQueued) return;
    this.#publishQueued = true;
    queueMicrotask(() => {
      this.#publishQueued = false;
      this.#snapshot = this.#buildSnapshot();
      this.emit('change', this.#snapshot);
    });
  }

  #buildSnapshot(): CallSnapshot {
    const peers = [...this.#peers.values()].sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
    const remote: RemoteMedia[] = [...this.#consumers.values()].map((entry) => ({
      consumerId: entry.info.consumerId,
      producerId: entry.info.producerId,
      peerId: entry.info.peerId,
      kind: entry.info.kind,
      source: entry.info.source,
      track: entry.consumer.track,
      producerPaused: entry.producerPaused,
      score: entry.score,
      producerScore: entry.producerScore,
      quality: entry.quality,
    }));
    const withCamera = new Set(remote.filter((m) => m.source === 'camera').map((m) => m.peerId));
    return {
      status: this.#status,
      mediaReconnecting: this.#mediaReconnecting,
      error: this.#error,
      room: this.#room,
      self: this.#self,
      peers,
      remote,
      activeSpeaker: this.#activeSpeaker,
      videoPeers: chooseVideoPeers(
        peers.filter((peer) => withCamera.has(peer.id)),
        this.#activeSpeaker,
        this.#recentSpeakers,
      ),
      chat: this.#chat,
      local: {
        mic: { state: this.#localState(this.#mic), track: this.#mic.track, deviceId: this.#mic.deviceId },
        camera: { state: this.#localState(this.#camera), track: this.#camera.track, deviceId: this.#camera.deviceId },
        screen: { state: this.#screen.video ? 'on' : 'off', track: this.#screen.video },
        busy: { ...this.#busy },
        quality: this.#localQuality(),
      },
      audioOutputId: this.#audioOutputId,
      controls: this.#controls,
      lobby: this.#lobby,
      isHost: this.#self?.role === 'host',
    };
  }
}
