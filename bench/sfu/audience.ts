/**
 * The audience: a child process (so its CPU is not the server's) that holds the load test's
 * subscribers. Each Hubro subscriber is a real Socket.IO client (tests/support RoomClient)
 * that joins the room and answers consumer:created the way the room UI does: consumer:resume,
 * then a tile preference for a large visible tile. Their media goes to UDP sinks here:
 *
 * - one "drop" sink: bound, never read, with a small receive buffer, so the kernel discards the
 *   bulk of the (S)RTP cheaply and no process has to read tens of thousands of packets a second;
 * - sampled sinks, one socket per sampled consumer, that read every packet and count RTP
 *   sequence numbers per SSRC (SRTP leaves the RTP header in clear), for the loss a receiver sees.
 *
 * Protocol: the parent sends { id, type, ...args } over IPC and gets { id, ok, result | error }.
 */
import dgram from 'node:dgram';
import { RoomClient } from '../../tests/support/room-client';

interface SsrcCounter {
  packets: number;
  bytes: number;
  /** Highest extended sequence number seen (with 16-bit wrap-around counted). */
  maxSeq: number;
  firstSeq: number;
  outOfOrder: number;
  /** RTP clock rate of the stream (from its payload type; 90 kHz when unknown). */
  clockRate: number;
  /** RFC 3550 interarrival jitter, in RTP timestamp units. */
  jitter: number;
  /** Highest jitter since the last peak reset. */
  jitterPeak: number;
  lastTransit: number;
}

interface SampleSink {
  socket: dgram.Socket;
  port: number;
  rtcp: number;
  ssrcs: Map<number, SsrcCounter>;
}

const clients = new Map<number, RoomClient>();
const resumeErrors: string[] = [];
let resumed = 0;
let nextClientId = 1;
let dropSink: dgram.Socket | undefined;
const sampleSinks: SampleSink[] = [];
/** RTP payload type → clock rate (the routers' codecs); video's 90 kHz for any other. */
let clockRates: Record<number, number> = {};

function bind(socket: dgram.Socket): Promise<number> {
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      socket.off('error', reject);
      resolve(socket.address().port);
    });
  });
}

async function createDropSink(): Promise<number> {
  const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 4096 });
  socket.on('message', () => {});
  const port = await bind(socket);
  // NOTE: Node has no public way to stop reading a bound UDP socket; its handle (libuv) does.
  // Reading ~60 000 packets/s here would cost a core and distort the benchmark, so stop it, and
  // let the kernel drop what does not fit in the (tiny) receive buffer.
  const state = Object.getOwnPropertySymbols(socket)
    .map((symbol) => (socket as unknown as Record<symbol, unknown>)[symbol])
    .find((value): value is { handle: { recvStop(): number } } => typeof (value as { handle?: { recvStop?: unknown } })?.handle?.recvStop === 'function');
  if (!state) throw new Error('cannot stop reading the drop sink (Node internals changed)');
  state.handle.recvStop();
  dropSink = socket;
  return port;
}

async function createSampleSink(): Promise<number> {
  const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 4 * 1024 * 1024 });
  const sink: SampleSink = { socket, port: 0, rtcp: 0, ssrcs: new Map() };
  socket.on('message', (packet) => {
    if (packet.length < 12 || packet[0]! >> 6 !== 2) return;
    // RFC 5761: payload type bytes 192–223 are RTCP on a muxed port.
    if (packet[1]! >= 192 && packet[1]! <= 223) {
      sink.rtcp += 1;
      return;
    }
    const seq = packet.readUInt16BE(2);
    const timestamp = packet.readUInt32BE(4);
    const ssrc = packet.readUInt32BE(8);
    let counter = sink.ssrcs.get(ssrc);
    const clockRate = counter?.clockRate ?? clockRates[packet[1]! & 0x7f] ?? 90_000;
    // Arrival in units of the stream's RTP clock.
    const arrival = Number(process.hrtime.bigint() / 1000n) * (clockRate / 1_000_000);
    const transit = arrival - timestamp;
    if (!counter) {
      counter = { packets: 0, bytes: 0, maxSeq: seq, firstSeq: seq, outOfOrder: 0, clockRate, jitter: 0, jitterPeak: 0, lastTransit: transit };
      sink.ssrcs.set(ssrc, counter);
    } else {
      let d = Math.abs(transit - counter.lastTransit);
      if (d > 2 ** 31) d = Math.abs(d - 2 ** 32); // RTP timestamp wrap-around
      counter.jitter += (d - counter.jitter) / 16;
      if (counter.jitter > counter.jitterPeak) counter.jitterPeak = counter.jitter;
      counter.lastTransit = transit;
      // Extend to 32 bits: the nearest candidate to the highest so far.
      const cycle = counter.maxSeq & ~0xffff;
      let extended = cycle | seq;
      if (extended - counter.maxSeq > 0x8000) extended -= 0x10000;
      else if (counter.maxSeq - extended > 0x8000) extended += 0x10000;
      if (extended > counter.maxSeq) counter.maxSeq = extended;
      else counter.outOfOrder += 1;
    }
    counter.packets += 1;
    counter.bytes += packet.length;
  });
  sink.port = await bind(socket);
  sampleSinks.push(sink);
  return sink.port;
}

async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

async function join(args: { url: string; userId: string; slug: string; count: number }) {
  const ids = Array.from({ length: args.count }, () => nextClientId++);
  return inBatches(ids, 25, async (clientId) => {
    const client = await RoomClient.connect(args.url, args.userId);
    // RoomClient records every notification for tests; with hundreds of peers that list grows
    // with the square of the room, so only the handlers below listen.
    client.socket.offAny();
    client.socket.on('consumer:created', (consumer: { consumerId: string; kind: string }) => {
      void (async () => {
        try {
          await client.ok('consumer:resume', { consumerId: consumer.consumerId });
          if (consumer.kind === 'video') {
            // What the room UI reports for a large visible tile: the server picks the top layer.
            await client.ok('consumer:preferences', { tiles: [{ consumerId: consumer.consumerId, visible: true, width: 1280, height: 720 }] });
          }
          resumed += 1;
        } catch (error) {
          resumeErrors.push((error as Error).message);
        }
      })();
    });
    const joined = await client.joinRoom(args.slug, { displayName: `Publikum ${clientId}` });
    clients.set(clientId, client);
    return { clientId, peerId: joined.self.id };
  });
}

async function leave(args: { clientIds: number[] }) {
  await inBatches(args.clientIds, 50, async (clientId) => {
    const client = clients.get(clientId);
    if (!client) return;
    clients.delete(clientId);
    await client.ok('room:leave', {}).catch(() => {});
    client.close();
  });
  return null;
}

function sinkStats(args: { resetPeaks?: boolean }) {
  const out = sampleSinks.map((sink) => ({
    port: sink.port,
    rtcp: sink.rtcp,
    ssrcs: Object.fromEntries(
      [...sink.ssrcs].map(([ssrc, c]) => [
        ssrc,
        {
          packets: c.packets,
          bytes: c.bytes,
          maxSeq: c.maxSeq,
          firstSeq: c.firstSeq,
          outOfOrder: c.outOfOrder,
          jitterMs: c.jitter / (c.clockRate / 1000),
          jitterPeakMs: c.jitterPeak / (c.clockRate / 1000),
        },
      ]),
    ),
  }));
  if (args.resetPeaks) for (const sink of sampleSinks) for (const c of sink.ssrcs.values()) c.jitterPeak = c.jitter;
  return out;
}

const handlers: Record<string, (args: any) => Promise<unknown> | unknown> = {
  async init(args: { sampleSinks: number; clockRates?: Record<number, number> }) {
    clockRates = args.clockRates ?? {};
    const dropPort = await createDropSink();
    const samplePorts: number[] = [];
    for (let i = 0; i < args.sampleSinks; i++) samplePorts.push(await createSampleSink());
    return { dropPort, samplePorts, pid: process.pid };
  },
  join,
  leave,
  sinkStats,
  status: () => ({ clients: clients.size, resumed, resumeErrors: resumeErrors.slice(-5), resumeErrorCount: resumeErrors.length }),
  async exit() {
    for (const client of clients.values()) client.close();
    clients.clear();
    dropSink?.close();
    for (const sink of sampleSinks) sink.socket.close();
    setTimeout(() => process.exit(0), 50);
    return null;
  },
};

process.on('message', (message: { id: number; type: string; args?: unknown }) => {
  void (async () => {
    try {
      const handler = handlers[message.type];
      if (!handler) throw new Error(`unknown request ${message.type}`);
      process.send!({ id: message.id, ok: true, result: await handler(message.args ?? {}) });
    } catch (error) {
      process.send!({ id: message.id, ok: false, error: (error as Error).stack ?? String(error) });
    }
  })();
});
// The parent went away (crash, Ctrl-C): do not linger with hundreds of sockets.
process.on('disconnect', () => process.exit(0));
