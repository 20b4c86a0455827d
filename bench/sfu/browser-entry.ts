/**
 * The page script of the SFU benchmark, bundled with esbuild and served by page.route() on the
 * Hubro node's own origin (the socket handshake refuses other origins).
 *
 * Both roles go through the real room UI's call client (app/rooms/[slug]/_call/call-session.ts),
 * so the benchmark measures what a member's browser does: room:join → Device.load → recv
 * transport → room:ready → consumer:created → consumer:resume, plus the tile preferences.
 */
import { Socket } from 'socket.io-client';
import { CallSession, type CallSnapshot } from '../../app/rooms/[slug]/_call/call-session';

/** performance.now() of this page's first `room:join` emit (the start of the join → frame clock). */
let joinSentAt: number | undefined;

/** What the page saw during a join, in epoch ms (performance.timeOrigin + performance.now()). */
export interface PageEvent {
  at: number;
  event: string;
  detail?: string;
}
const pageEvents: PageEvent[] = [];
const epochNow = () => performance.timeOrigin + performance.now();
const note = (event: string, detail?: string) => pageEvents.push({ at: epochNow(), event, detail });

// NOTE: CallSession keeps its socket private; wrapping the shared Socket class (the bundle holds
// one copy of socket.io-client) is the least invasive way to see the moment room:join leaves,
// and when each request is answered and each server event arrives.
const originalEmit = Socket.prototype.emit;
Socket.prototype.emit = function (this: Socket, event: string, ...args: unknown[]) {
  if (event === 'room:join' && joinSentAt === undefined) joinSentAt = performance.now();
  note(`emit ${event}`);
  const last = args[args.length - 1];
  if (typeof last === 'function') {
    args[args.length - 1] = function (this: unknown, ...answer: unknown[]) {
      note(`ack ${event}`);
      return (last as (...a: unknown[]) => unknown).apply(this, answer);
    };
  }
  return (originalEmit as (this: Socket, event: string, ...rest: unknown[]) => Socket).call(this, event, ...args);
} as typeof Socket.prototype.emit;
const socketInternals = Socket.prototype as unknown as { emitEvent(args: unknown[]): void };
const originalEmitEvent = socketInternals.emitEvent;
socketInternals.emitEvent = function (this: Socket, args: unknown[]) {
  const event = String(args[0]);
  if (event.startsWith('consumer:') && event !== 'consumer:score') {
    const info = args[1] as { kind?: string } | undefined;
    note(`on ${event}`, info?.kind);
  }
  return originalEmitEvent.call(this, args);
};

let session: CallSession | null = null;

// Keep the page's peer connections, to read the publisher's encoder state (resolution, fps and
// why WebRTC limits quality) without reaching into CallSession.
const peerConnections: RTCPeerConnection[] = [];
const NativePeerConnection = window.RTCPeerConnection;
window.RTCPeerConnection = class extends NativePeerConnection {
  constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
    super(...args);
    peerConnections.push(this);
    const index = peerConnections.length - 1;
    this.addEventListener('iceconnectionstatechange', () => note(`pc${index} ice ${this.iceConnectionState}`));
    this.addEventListener('connectionstatechange', () => note(`pc${index} ${this.connectionState}`));
    this.addEventListener('track', (e) => note(`pc${index} track`, e.track.kind));
    const setLocal = this.setLocalDescription.bind(this) as (d?: RTCLocalSessionDescriptionInit) => Promise<void>;
    const setRemote = this.setRemoteDescription.bind(this) as (d: RTCSessionDescriptionInit) => Promise<void>;
    this.setLocalDescription = ((d?: RTCLocalSessionDescriptionInit) => {
      note(`pc${index} setLocalDescription`, d?.type);
      return setLocal(d);
    }) as RTCPeerConnection['setLocalDescription'];
    this.setRemoteDescription = ((d: RTCSessionDescriptionInit) => {
      note(`pc${index} setRemoteDescription`, d.type);
      return setRemote(d);
    }) as RTCPeerConnection['setRemoteDescription'];
  }
} as typeof RTCPeerConnection;

/** The sent video layers as the browser reports them. */
async function publisherStats() {
  const layers: Array<Record<string, unknown>> = [];
  for (const pc of peerConnections) {
    if (pc.connectionState === 'closed') continue;
    const report = await pc.getStats();
    report.forEach((stat: RTCStats & Record<string, unknown>) => {
      if (stat.type !== 'outbound-rtp' || stat.kind !== 'video') return;
      layers.push({
        rid: stat.rid,
        width: stat.frameWidth,
        height: stat.frameHeight,
        fps: stat.framesPerSecond,
        targetKbps: typeof stat.targetBitrate === 'number' ? Math.round(stat.targetBitrate / 1000) : undefined,
        limitation: stat.qualityLimitationReason,
        active: stat.active,
        // Averages since the start: time a packet waits in the pacer, and encode time per frame.
        pacerDelayMs:
          typeof stat.totalPacketSendDelay === 'number' && Number(stat.packetsSent) > 0
            ? Math.round((stat.totalPacketSendDelay / Number(stat.packetsSent)) * 10_000) / 10
            : undefined,
        encodeMs:
          typeof stat.totalEncodeTime === 'number' && Number(stat.framesEncoded) > 0
            ? Math.round((stat.totalEncodeTime / Number(stat.framesEncoded)) * 10_000) / 10
            : undefined,
        keyFramesEncoded: stat.keyFramesEncoded,
      });
    });
  }
  return layers.sort((a, b) => String(a.rid).localeCompare(String(b.rid)));
}

function waitForSnapshot(current: CallSession, test: (snapshot: CallSnapshot) => boolean, timeoutMs: number): Promise<CallSnapshot> {
  return new Promise((resolve, reject) => {
    const check = (snapshot: CallSnapshot) => {
      if (snapshot.status === 'failed') {
        stop();
        reject(new Error(`call failed: ${snapshot.error?.code ?? 'unknown'}`));
      } else if (test(snapshot)) {
        stop();
        resolve(snapshot);
      }
    };
    const unsubscribe = current.on('change', check);
    const timer = window.setTimeout(() => {
      stop();
      reject(new Error(`timed out; status ${current.getSnapshot().status}`));
    }, timeoutMs);
    const stop = () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
    check(current.getSnapshot());
  });
}

/**
 * Joins `slug` and sends the fake camera (1280×720, 3-layer VP8 simulcast as the UI sends it),
 * and with `mic` the fake microphone too (Opus, as the UI sends it).
 */
async function publish(slug: string, options: { mic?: boolean } = {}): Promise<{ peerId: string }> {
  session = new CallSession({ slug, displayName: 'Benchmark camera' });
  const current = session;
  const mic = options.mic ?? false;
  void current.start({ micOn: mic, cameraOn: true });
  const joined = await waitForSnapshot(current, (s) => s.status === 'joined' && s.self?.media.camera === 'on' && (!mic || s.self.media.mic === 'on'), 20_000);
  return { peerId: joined.self!.id };
}

export interface FirstFrameResult {
  /** All times in ms after the room:join emit. */
  joined: number | null;
  consumerCreated: number | null;
  /** requestVideoFrameCallback: the first frame handed to the compositor (decoded). */
  firstFrame: number | null;
  /** getStats() polling every 10 ms: framesDecoded > 0 first seen. */
  framesDecodedSeen: number | null;
  /** Socket connect etc.: start() to the room:join emit. */
  startToJoinSent: number | null;
  /** Video bytes received when framesDecoded was first seen > 0: about the size of the first keyframe. */
  bytesAtFirstDecode: number | null;
  width: number | null;
  height: number | null;
  /** Epoch ms of the room:join emit, and what the page saw (socket, peer connection, video) in epoch ms. */
  joinSentEpoch?: number;
  events?: PageEvent[];
  error?: string;
}

/**
 * Joins `slug` without sending anything and times the first decoded frame of the first remote
 * camera. The tile is a visible 1280×720 <video> reported through observeTile, as the room UI
 * does, so the server picks the top simulcast layer.
 */
async function watchFirstFrame(slug: string, timeoutMs = 10_000): Promise<FirstFrameResult> {
  session = new CallSession({ slug, displayName: 'Benchmark viewer' });
  const current = session;
  const startedAt = performance.now();
  const clock = new FirstFrameClock(
    (t) => (joinSentAt === undefined ? null : Math.round((t - joinSentAt) * 10) / 10),
    async () => (await current.inboundStats()).find((s) => s.kind === 'video'),
  );
  current.on('change', (snapshot) => {
    if (snapshot.status === 'joined') clock.joined();
    const camera = snapshot.remote.find((m) => m.kind === 'video' && m.source === 'camera');
    const video = camera && clock.attach(camera.track);
    if (camera && video) current.observeTile(camera.consumerId, video);
  });
  void current.start({ micOn: false, cameraOn: false });
  const result = await clock.wait(timeoutMs);
  result.startToJoinSent = joinSentAt === undefined ? null : Math.round((joinSentAt - startedAt) * 10) / 10;
  if (joinSentAt !== undefined) result.joinSentEpoch = performance.timeOrigin + joinSentAt;
  if (result.firstFrame !== null && joinSentAt !== undefined) pageEvents.push({ at: performance.timeOrigin + joinSentAt + result.firstFrame, event: 'first frame presented' });
  result.events = [...pageEvents].sort((a, b) => a.at - b.at);
  return result;
}

/**
 * Times one join → first frame in the page: `since` turns a performance.now() time into ms
 * after the join was sent (null before); `inboundVideo` reads the received video's counters.
 * The caller reports `joined()` and hands over the remote camera's track with `attach()`.
 */
export class FirstFrameClock {
  readonly result: FirstFrameResult = {
    joined: null,
    consumerCreated: null,
    firstFrame: null,
    framesDecodedSeen: null,
    startToJoinSent: null,
    bytesAtFirstDecode: null,
    width: null,
    height: null,
  };
  #attached = false;
  #decodedSeen = false;
  #bytesSeen = false;
  #resolveFrame!: () => void;
  readonly #frame = new Promise<void>((resolve) => (this.#resolveFrame = resolve));
  readonly #poll: number;

  constructor(
    private readonly since: (t: number) => number | null,
    inboundVideo: () => Promise<{ framesDecoded: number; bytesReceived: number } | undefined>,
  ) {
    this.#poll = window.setInterval(() => {
      if (this.#decodedSeen || !this.#attached) return;
      void inboundVideo().then((video) => {
        if (video && video.bytesReceived > 0 && !this.#bytesSeen) {
          this.#bytesSeen = true;
          note('stats: first video bytes seen', String(video.bytesReceived));
        }
        if (!this.#decodedSeen && video && video.framesDecoded > 0) {
          note('stats: framesDecoded > 0 seen');
          this.#decodedSeen = true;
          this.result.framesDecodedSeen = this.since(performance.now());
          this.result.bytesAtFirstDecode = video.bytesReceived;
        }
      });
    }, 10);
  }

  joined(at = performance.now()) {
    if (this.result.joined === null) this.result.joined = this.since(at);
  }

  /**
   * The remote camera arrived: a visible 1280×720 <video> plays it, and its first frame stops
   * the clock (`onFrame` is told too). Returns the element; null when one is attached already.
   */
  attach(track: MediaStreamTrack, onFrame?: () => void): HTMLVideoElement | null {
    if (this.#attached) return null;
    this.#attached = true;
    this.result.consumerCreated = this.since(performance.now());
    const video = document.createElement('video');
    video.muted = true;
    video.autoplay = true;
    video.playsInline = true;
    video.style.cssText = 'position:fixed;left:0;top:0;width:1280px;height:720px;';
    document.body.append(video);
    video.srcObject = new MediaStream([track]);
    video.requestVideoFrameCallback((_now, metadata) => {
      this.result.firstFrame = this.since(metadata.presentationTime);
      // WebRTC sources also say when the frame's last packet arrived and how long decoding took.
      const webrtc = metadata as VideoFrameCallbackMetadata & { receiveTime?: number; processingDuration?: number };
      if (typeof webrtc.receiveTime === 'number') {
        pageEvents.push({
          at: performance.timeOrigin + webrtc.receiveTime,
          event: 'first frame: last packet received',
          detail: typeof webrtc.processingDuration === 'number' ? `decode ${Math.round(webrtc.processingDuration * 1000)} ms` : undefined,
        });
      }
      this.result.width = metadata.width;
      this.result.height = metadata.height;
      onFrame?.();
      this.#resolveFrame();
    });
    void video.play().catch(() => {});
    return video;
  }

  /** Waits for the first frame (an error after `timeoutMs`, with `describe()` appended). */
  async wait(timeoutMs: number, describe?: () => string): Promise<FirstFrameResult> {
    try {
      await Promise.race([this.#frame, new Promise((_, reject) => window.setTimeout(() => reject(new Error('no frame in time')), timeoutMs))]);
      // Give the stats poll a moment to see the decoded frame too.
      const deadline = performance.now() + 500;
      while (!this.#decodedSeen && performance.now() < deadline) await new Promise((r) => window.setTimeout(r, 10));
    } catch (error) {
      this.result.error = describe ? `${(error as Error).message}; ${describe()}` : (error as Error).message;
    } finally {
      window.clearInterval(this.#poll);
    }
    return this.result;
  }
}

async function leave(): Promise<void> {
  await session?.leave();
  session = null;
}

declare global {
  interface Window {
    hubroBench: typeof api;
  }
}

const api = { publish, watchFirstFrame, leave, publisherStats };
window.hubroBench = api;
