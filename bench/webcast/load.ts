import type { Room } from '../../server/sfu/room';
import type { Viewer, Webcast } from '../../server/sfu/webcast';
import { closeLatest, LISTEN_IP, sinkCapabilities, ssrcOf, type Load, type LoadConsumer, type SinkPorts, type Target } from '../sfu/capacity';

/** The one target of a webcast load: the Webcast places each viewer on a router itself. */
export function webcastTarget(stage: Room): Target {
  return { key: 'webcast', room: stage, workerIndex: stage.workerIndex };
}

/**
 * Hubro's audience path: each viewer is `Webcast.joinPlain`, the server-side viewer made for
 * restreaming and load tests. The Webcast picks the viewer's audience router (the stage's, or
 * one on another worker that the stage's producers are piped to, by viewer count), makes a
 * PlainTransport with SRTP to the viewer's sink and consumes every stage producer there
 * (the mic only, for audio-only viewers), unpaused: there is no browser to confirm.
 * What a browser viewer adds (the socket, webcast:join's database lookups, ICE and DTLS,
 * webcast:resume) is per join, not per packet; the first-frame joins measure it.
 */
export class WebcastLoad implements Load {
  readonly path = 'hubro' as const;
  readonly consumers: LoadConsumer[] = [];

  constructor(
    private readonly ports: SinkPorts,
    private readonly webcast: Webcast,
    private readonly audioOnly: boolean,
  ) {}

  async grow(target: Target, count: number) {
    const caps = sinkCapabilities(target.room.router);
    try {
      // 20 joins at a time, as a burst of browsers would arrive (the Webcast opens one audience
      // router per worker for a burst since b3e1a91; before, one per join: see bench/README.md).
      for (let left = count; left > 0; left -= 20) {
        await Promise.all(Array.from({ length: Math.min(20, left) }, () => this.#join(target, caps)));
      }
    } catch (error) {
      // A join that failed half-way (an overloaded worker) may have left a viewer in the Webcast.
      const tracked = new Set(this.consumers.map((c) => c.consumer.id));
      for (const viewer of [...this.webcast.viewers.values()]) {
        if (!viewer.socketId && ![...viewer.consumers.keys()].some((id) => tracked.has(id))) this.webcast.leave(viewer);
      }
      throw error;
    }
  }

  /** Joins one viewer and tracks it as soon as it exists. */
  async #join(target: Target, caps: ReturnType<typeof sinkCapabilities>): Promise<void> {
    const { port, sampled } = this.ports.take(target.key);
    let viewer: Viewer;
    try {
      viewer = await this.webcast.joinPlain({ destination: { ip: LISTEN_IP, port }, srtp: true, rtpCapabilities: caps, audioOnly: this.audioOnly });
    } catch (error) {
      this.ports.give(port, target.key);
      throw error;
    }
    const consumers = [...viewer.consumers.values()];
    const kind = this.audioOnly ? 'audio' : 'video';
    const main = consumers.find((c) => c.kind === kind);
    if (!main) {
      this.webcast.leave(viewer);
      this.ports.give(port, target.key);
      throw new Error(`a webcast viewer got no ${kind} consumer (${consumers.length} consumers)`);
    }
    this.consumers.push({
      consumer: main,
      companions: consumers.filter((c) => c !== main),
      room: target.room,
      target,
      workerIndex: viewer.slot.workerIndex,
      port,
      sampled,
      ssrc: ssrcOf(main),
      close: async () => {
        this.webcast.leave(viewer);
        this.ports.give(port, target.key);
      },
    });
  }

  shrink(target: Target, count: number) {
    return closeLatest(this, target, count);
  }
}
