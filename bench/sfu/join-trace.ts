/**
 * Where a join's time goes on the server: the viewer's receive transport (created, ICE
 * connected, DTLS connected), its camera consumer (created, resumed, layers, PLIs, the first
 * RTP packet and the first keyframe packet it sent) and the publisher's camera producer
 * (keyframe requests sent to the browser, keyframes received). Read from mediasoup's own events
 * and trace events on the room's router, without touching the room's code.
 *
 * Times are epoch milliseconds (performance.timeOrigin + performance.now()), the same clock the
 * page reports in, so a join's server and browser events line up on one time axis.
 */
import type { Peer } from '../../server/sfu/peer';
import type { Room } from '../../server/sfu/room';
import { cameraProducer } from './capacity';

type Producer = Peer['producers'] extends Map<string, infer P> ? P : never;
type Consumer = Peer['consumers'] extends Map<string, infer C> ? C : never;
type Transport = Peer['transports'] extends Map<string, infer T> ? T : never;

export const epochNow = () => performance.timeOrigin + performance.now();

export interface ServerEvent {
  at: number;
  event: string;
  detail?: string;
}

/**
 * Records the events of every WebRTC receive transport opened on `room`'s router from now on,
 * and the camera producer's keyframe traffic. `take()` hands over (and forgets) what was seen.
 */
export class JoinTrace {
  #events: ServerEvent[] = [];
  readonly #producer: Producer;
  readonly #onTransport: (transport: Transport) => void;
  readonly #onProducerTrace: (trace: { type: string; direction: string; info?: Record<string, unknown> }) => void;

  private constructor(private readonly room: Room) {
    this.#producer = cameraProducer(room).producer;
    const push = (event: string, detail?: string) => this.#events.push({ at: epochNow(), event, detail });
    const producerKeyframes = new KeyframeFrames((event, detail) => push(`producer ${event}`, detail));
    this.#onProducerTrace = (trace) => {
      if (trace.type === 'rtp') producerKeyframes.packet(trace.info);
      else push(`producer ${trace.type} ${trace.direction}`, ssrcOf(trace.info));
    };
    this.#onTransport = (transport) => {
      if (transport.appData.direction !== 'recv' || !('iceParameters' in transport)) return;
      push('transport created');
      transport.on('icestatechange', (state: string) => push(`ice ${state}`));
      transport.on('dtlsstatechange', (state: string) => push(`dtls ${state}`));
      transport.observer.on('newconsumer', (consumer: Consumer) => {
        if (consumer.kind !== 'video') return;
        push('consumer created', consumer.type);
        consumer.observer.on('resume', () => push('consumer resumed'));
        consumer.on('layerschange', (layers?: { spatialLayer: number; temporalLayer?: number }) =>
          push('consumer layers', layers ? `${layers.spatialLayer}/${layers.temporalLayer ?? '-'}` : 'none'),
        );
        let sentRtp = false;
        const keyframes = new KeyframeFrames((event, detail) => push(`consumer ${event}`, detail), 1);
        consumer.on('trace', (trace: { type: string; direction: string; info?: Record<string, unknown> }) => {
          if (trace.type === 'rtp' && trace.direction === 'out') {
            if (!sentRtp) {
              sentRtp = true;
              push('consumer first rtp out', `keyframe ${trace.info?.isKeyFrame === true}`);
            }
            // Per-packet traces are only needed until the first keyframe has gone out whole.
            if (keyframes.packet(trace.info) === 'done') void consumer.enableTraceEvent(['pli', 'fir', 'nack']).catch(() => {});
          } else {
            push(`consumer ${trace.type} ${trace.direction}`);
          }
        });
        void consumer.enableTraceEvent(['rtp', 'pli', 'fir', 'nack']).catch(() => {});
      });
    };
  }

  static async start(room: Room): Promise<JoinTrace> {
    const trace = new JoinTrace(room);
    room.router.observer.on('newtransport', trace.#onTransport);
    trace.#producer.on('trace', trace.#onProducerTrace);
    await trace.#producer.enableTraceEvent(['rtp', 'pli', 'fir', 'nack']);
    return trace;
  }

  /** The events since the last take(), in order. */
  take(): ServerEvent[] {
    const events = this.#events;
    this.#events = [];
    return events.sort((a, b) => a.at - b.at);
  }

  async stop() {
    this.room.router.observer.off('newtransport', this.#onTransport);
    this.#producer.off('trace', this.#onProducerTrace);
    await this.#producer.enableTraceEvent([]).catch(() => {});
  }
}

function ssrcOf(info: Record<string, unknown> | undefined): string | undefined {
  return typeof info?.ssrc === 'number' ? `ssrc ${info.ssrc}` : undefined;
}

/**
 * Follows keyframes packet by packet (per SSRC): the first packet, and the last one (marker
 * bit) with how many packets and bytes the frame took and how long it took to pass.
 */
class KeyframeFrames {
  readonly #open = new Map<number, { timestamp: number; startedAt: number; packets: number; bytes: number }>();
  #completed = 0;

  constructor(
    private readonly push: (event: string, detail?: string) => void,
    private readonly limit = Infinity,
  ) {}

  packet(info: Record<string, unknown> | undefined): 'done' | undefined {
    if (!info || typeof info.ssrc !== 'number' || this.#completed >= this.limit) return this.#completed >= this.limit ? 'done' : undefined;
    const ssrc = info.ssrc;
    const size = typeof info.size === 'number' ? info.size : 0;
    const layer = typeof info.rid === 'string' && info.rid ? `rid ${info.rid}` : `ssrc ${ssrc}`;
    if (info.isKeyFrame === true && !this.#open.has(ssrc)) {
      this.#open.set(ssrc, { timestamp: info.timestamp as number, startedAt: epochNow(), packets: 0, bytes: 0 });
      this.push('keyframe first packet', layer);
    }
    const frame = this.#open.get(ssrc);
    if (!frame || frame.timestamp !== info.timestamp) return undefined;
    frame.packets += 1;
    frame.bytes += size;
    if (info.marker === true) {
      this.#open.delete(ssrc);
      this.#completed += 1;
      this.push('keyframe last packet', `${layer}: ${frame.packets} packets, ${Math.round(frame.bytes / 1000)} kB in ${Math.round(epochNow() - frame.startedAt)} ms`);
      if (this.#completed >= this.limit) return 'done';
    }
    return undefined;
  }
}
