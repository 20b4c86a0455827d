import type { types } from 'mediasoup';
import type { MediaSource, MediaState, PeerView } from '../signalling/contract';

/**
 * One participant in a live room: the transports, producers and consumers it holds on the
 * room's router. A peer outlives its socket for a short grace, so a reconnect resumes it.
 */
export class Peer {
  /** WebRTC transports of the browser; server-side receivers (PlainTransport) may join them. */
  readonly transports = new Map<string, types.WebRtcTransport | types.PlainTransport>();
  /** At most one producer per source. */
  readonly producers = new Map<string, types.Producer>();
  readonly consumers = new Map<string, types.Consumer>();
  rtpCapabilities: types.RtpCapabilities | undefined;
  /** When the hand went up; null when it is down. */
  handRaisedAt: Date | null = null;
  /** The room's owner (a lesson's teacher) or staff: may use the host controls. */
  role: 'host' | 'participant';
  /** One device whose camera shows a whole class. */
  classroom: boolean;
  /** No account: an invited school or a studio screen. */
  guest: boolean;
  socketId: string;
  /** Set while the socket is gone; the room removes the peer when the grace runs out. */
  disconnectedAt: number | null = null;
  readonly joinedAt = new Date();

  constructor(
    readonly id: string,
    /** `${userId}:${peerKey}`: the tab's identity for reconnects. */
    readonly key: string,
    readonly userId: string,
    public name: string,
    socketId: string,
    options: { role?: 'host' | 'participant'; classroom?: boolean; guest?: boolean } = {},
  ) {
    this.socketId = socketId;
    this.role = options.role ?? 'participant';
    this.classroom = options.classroom ?? false;
    this.guest = options.guest ?? false;
  }

  get handRaised(): boolean {
    return this.handRaisedAt !== null;
  }

  get isHost(): boolean {
    return this.role === 'host';
  }

  producerFor(source: MediaSource): types.Producer | undefined {
    for (const producer of this.producers.values()) if (producer.appData.source === source) return producer;
    return undefined;
  }

  media(): Record<MediaSource, MediaState> {
    const state = (source: MediaSource): MediaState => {
      const producer = this.producerFor(source);
      return !producer ? 'off' : producer.paused ? 'muted' : 'on';
    };
    return { mic: state('mic'), camera: state('camera'), screen: state('screen'), 'screen-audio': state('screen-audio') };
  }

  view(): PeerView {
    return {
      id: this.id,
      userId: this.userId,
      name: this.name,
      handRaised: this.handRaised,
      joinedAt: this.joinedAt.toISOString(),
      media: this.media(),
      reconnecting: this.disconnectedAt !== null,
      role: this.role,
      handRaisedAt: this.handRaisedAt?.toISOString() ?? null,
      classroom: this.classroom,
      guest: this.guest,
    };
  }

  /** Closing a transport closes its producers and consumers too (mediasoup cascades). */
  closeTransports(except: ReadonlySet<string> = new Set()) {
    for (const [id, transport] of this.transports) if (!except.has(id)) transport.close();
  }
}
