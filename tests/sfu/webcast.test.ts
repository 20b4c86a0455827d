import dgram from 'node:dgram';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { io as connectIo, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { events, notifications, rooms } from '../../db/schema';
import { setUserRole } from '../../server/accounts/users';
import { createEvent, eventIcs, EventError, rsvp, setPerformers, transitionEvent, type EventActor } from '../../server/events/events';
import type { Hubro } from '../../server/hubro';
import { loadConfig } from '../../server/config';
import { databaseTargets } from '../support/databases';
import { startTestNode } from '../support/hubro';
import { makeUser, opusParameters, RoomClient, transport, vp8SimulcastParameters } from '../support/room-client';

async function refusal(promise: Promise<unknown>): Promise<EventError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EventError) return error;
    throw error;
  }
  throw new Error('expected an EventError');
}

function anonymous(url: string): Promise<Socket> {
  const socket = connectIo(`${url}/public`, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

// Whole seconds: iCalendar has no milliseconds.
const soon = () => {
  const start = Math.ceil(Date.now() / 1000) * 1000 + 3_600_000;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * 3_600_000).toISOString() };
};

describe('webcast events with real mediasoup (2 workers)', () => {
  let database: DatabaseHandle;
  let node: Hubro;
  let host: EventActor;
  const clients: Array<{ close(): void } | Socket> = [];
  const member = async (name: string) => {
    const user = await makeUser(database.db, name);
    const client = await RoomClient.connect(node.url, user.id);
    clients.push(client);
    return { user, client };
  };

  beforeAll(async () => {
    database = await databaseTargets()[0]!.open();
    // One viewer per audience router before spreading, so three viewers cover both workers.
    node = await startTestNode(database, { MEDIASOUP_WORKERS: '2', WEBCAST_SPREAD: '1' });
    const h = await makeUser(database.db, 'Hanne Vert');
    await setUserRole(database.db, h.id, 'host');
    host = { id: h.id, role: 'host' };
  });
  afterAll(async () => {
    for (const c of clients) ((c as Socket).disconnect ? (c as Socket).disconnect() : (c as { close(): void }).close());
    await node?.stop();
    await database?.close();
  });

  it('validates events, and only hosts create and change them', async () => {
    const memberUser = await makeUser(database.db, 'Mette Medlem');
    expect((await refusal(createEvent(database.db, { id: memberUser.id, role: 'member' }, { title: 'Konsert', descriptionNb: 'x', descriptionEn: 'x', ...soon() }, false))).status).toBe(403);
    const bad = await refusal(
      createEvent(database.db, host, { title: 'Konsert', descriptionNb: 'x', descriptionEn: 'x', startsAt: '2026-12-24T18:00:00Z', endsAt: '2026-12-24T17:00:00Z' }, false),
    );
    expect(bad.details.fields).toEqual({ endsAt: 'end_before_start' });
    const noFfmpeg = await refusal(createEvent(database.db, host, { title: 'Konsert', descriptionNb: 'x', descriptionEn: 'x', ...soon(), recordingEnabled: true }, false));
    expect(noFfmpeg.details.fields).toEqual({ recordingEnabled: 'recording_unavailable' });
  });

  it('moves through scheduled → live → ended only, with RSVPs and a live notification', async () => {
    const event = await createEvent(database.db, host, { title: 'Brøstadbotn Baroque Band – urpremiere', descriptionNb: 'Konsert', descriptionEn: 'Concert', ...soon() }, false);
    const [backstage] = await database.db.select().from(rooms).where(eq(rooms.eventId, event.id));
    expect(backstage).toMatchObject({ kind: 'backstage', visibility: 'invite-only' });
    const [a, b, c] = await Promise.all(['Anne', 'Bjørn', 'Cecilie'].map((n) => makeUser(database.db, n)));
    await rsvp(database.db, { id: a!.id, role: 'member' }, event.id, { kind: 'going' });
    await rsvp(database.db, { id: b!.id, role: 'member' }, event.id, { kind: 'interested' });
    expect(await rsvp(database.db, { id: c!.id, role: 'member' }, event.id, { kind: 'going' })).toEqual({ going: 2, interested: 1 });
    expect(await rsvp(database.db, { id: c!.id, role: 'member' }, event.id, { kind: null })).toEqual({ going: 1, interested: 1 });

    expect((await refusal(transitionEvent(database.db, host, event.id, 'ended'))).code).toBe('transition_invalid');
    const live = await transitionEvent(database.db, host, event.id, 'live');
    expect(live.event.status).toBe('live');
    expect(live.notified.map((n) => n.userId)).toEqual([a!.id]);
    expect((await database.db.select().from(notifications).where(eq(notifications.userId, a!.id)))[0]).toMatchObject({ kind: 'event_live' });
    expect((await refusal(transitionEvent(database.db, host, event.id, 'live'))).code).toBe('transition_invalid');
    expect((await refusal(transitionEvent(database.db, host, event.id, 'canceled'))).code).toBe('transition_invalid');
    const ended = await transitionEvent(database.db, host, event.id, 'ended', { current: 3, peak: 7 });
    expect(ended.event).toMatchObject({ status: 'ended', finalViewers: 3, peakViewers: 7 });
    expect((await refusal(transitionEvent(database.db, host, event.id, 'live'))).code).toBe('transition_invalid');
    expect((await refusal(rsvp(database.db, { id: a!.id, role: 'member' }, event.id, { kind: 'going' }))).code).toBe('event_final');
  });

  it('writes an .ics that a calendar parser reads back', async () => {
    const event = await createEvent(database.db, host, { title: 'Foredrag: Å jobbe fra Dyrøy', descriptionNb: 'Om fjernarbeid, kommuner og fiber', descriptionEn: 'About remote work', ...soon() }, false);
    const parsed = new ICAL.Event(new ICAL.Component(ICAL.parse(eventIcs(event, 'https://hubro.example', 'nb'))).getFirstSubcomponent('vevent')!);
    expect(parsed.uid).toBe(`event-${event.id}@hubro`);
    expect(parsed.summary).toBe('Foredrag: Å jobbe fra Dyrøy');
    expect(parsed.startDate.toJSDate().toISOString()).toBe(event.startsAt.toISOString());
  });

  it('fans the stage out to viewers on both workers, refuses audience produce, and stops video for audio-only', async () => {
    const event = await createEvent(database.db, host, { title: 'Webkonsert', descriptionNb: 'Konsert', descriptionEn: 'Concert', ...soon() }, false);
    const performerUser = await makeUser(database.db, 'Per Fiolin');
    await setPerformers(database.db, host, event.id, { handles: [performerUser.handle] });
    const [backstage] = await database.db.select().from(rooms).where(eq(rooms.eventId, event.id));

    // A stranger cannot enter the backstage; the performer can, and sends camera and mic.
    const stranger = await member('Sigrid Fremmed');
    expect(await stranger.client.request('room:join', { room: backstage!.slug, peerKey: stranger.client.peerKey })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const performer = await RoomClient.connect(node.url, performerUser.id);
    clients.push(performer);
    const stageJoin = await performer.joinRoom(backstage!.slug);
    const send = await transport(performer, 'send');
    const camera = await performer.ok('producer:create', { transportId: send, kind: 'video', source: 'camera', rtpParameters: vp8SimulcastParameters() });
    await performer.ok('producer:create', { transportId: send, kind: 'audio', source: 'mic', rtpParameters: opusParameters() });

    // Before the event is live, viewers wait without media.
    const viewers = await Promise.all(['Vilde', 'Viktor', 'Vera'].map((n) => member(n)));
    const caps = stageJoin.routerRtpCapabilities;
    // The capabilities a page hands to viewers up front are the routers' own.
    const { getRuntime } = await import('../../server/runtime');
    expect(getRuntime().routerCapabilities).toEqual(caps);
    const waiting = await viewers[0]!.client.ok('webcast:join', { event: event.slug, rtpCapabilities: caps });
    expect(waiting).toMatchObject({ status: 'scheduled', transport: null, consumers: [] });

    const { event: live } = await transitionEvent(database.db, host, event.id, 'live');
    await node.webcasts.statusChanged(live);
    await viewers[0]!.client.waitFor('webcast:status', (p) => p.status === 'live');

    const joins = [];
    for (const v of viewers) joins.push(await v.client.ok('webcast:join', { event: event.slug, rtpCapabilities: caps }));
    for (const join of joins) {
      expect(join.status).toBe('live');
      expect(join.transport.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(join.consumers.map((c: { kind: string }) => c.kind).sort()).toEqual(['audio', 'video']);
      expect(join.consumers.find((c: { kind: string }) => c.kind === 'video').producerId).toBe(camera.producerId);
      // Viewers see who is on stage, never the backstage's own state.
      expect(join.stage).toEqual([{ peerId: stageJoin.self.id, name: 'Per Fiolin' }]);
      expect(join).not.toHaveProperty('peers');
    }
    const stats = node.webcasts.live.get(event.id)!.webcast!.stats();
    expect(new Set(stats.slots.filter((s) => s.viewers > 0).map((s) => s.workerIndex))).toEqual(new Set([0, 1]));
    expect(stats.slots.some((s) => s.piped)).toBe(true);
    expect(node.pool.status().every((w) => w.consumers > 0)).toBe(true);
    await viewers[0]!.client.waitFor('webcast:viewers', (p) => p.count === 3, 5000);

    // The audience never publishes, on either namespace.
    expect(await viewers[0]!.client.request('producer:create', { transportId: joins[0].transport.id, kind: 'audio', source: 'mic', rtpParameters: opusParameters(5) })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await viewers[0]!.client.request('transport:create', { direction: 'send' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const anon = await anonymous(node.url);
    clients.push(anon);
    const anonJoin = await anon.timeout(10_000).emitWithAck('webcast:join', { event: event.slug, rtpCapabilities: caps, nickname: 'Gjest fra Senja' });
    expect(anonJoin).toMatchObject({ ok: true, data: { status: 'live' } });
    expect(await anon.timeout(5000).emitWithAck('producer:create', { kind: 'audio' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Audio only stops the video consumer on the server.
    const viewerState = node.webcasts.live.get(event.id)!.webcast!.viewers.get(joins[1].viewerId)!;
    expect([...viewerState.consumers.values()].map((c) => c.kind).sort()).toEqual(['audio', 'video']);
    await viewers[1]!.client.ok('webcast:quality', { audioOnly: true });
    expect([...viewerState.consumers.values()].map((c) => c.kind)).toEqual(['audio']);
    await viewers[1]!.client.waitFor('webcast:consumer-closed');
    await viewers[1]!.client.ok('webcast:quality', { audioOnly: false });
    expect([...viewerState.consumers.values()].map((c) => c.kind).sort()).toEqual(['audio', 'video']);

    // Chat reaches everyone, anonymous viewers included; a flood is limited.
    const message = await viewers[2]!.client.ok('webcast:chat', { text: 'Nydelig! Hilsen fra Finnsnes' });
    expect(message.viewerId).toBe(joins[2].viewerId);
    await viewers[0]!.client.waitFor('webcast:chat-posted', (m) => m.id === message.id);
    await new Promise<void>((resolve) => anon.on('webcast:chat-posted', (m: { id: string }) => m.id === message.id && resolve()));
    const flood = await Promise.all(Array.from({ length: 7 }, (_, i) => viewers[0]!.client.request('webcast:chat', { text: `hei ${i}` })));
    expect(flood.some((r) => !r.ok && r.error.code === 'rate_limited')).toBe(true);

    // A viewer cannot moderate; the host mutes the viewer from the chat message's viewer id.
    expect(await viewers[0]!.client.request('webcast:mute-viewer', { viewerId: message.viewerId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const hostClient = await RoomClient.connect(node.url, host!.id);
    clients.push(hostClient);
    await hostClient.ok('webcast:join', { event: event.slug, rtpCapabilities: caps });
    await hostClient.ok('webcast:mute-viewer', { viewerId: message.viewerId });
    await viewers[2]!.client.waitFor('webcast:chat-muted');
    expect(await viewers[2]!.client.request('webcast:chat', { text: 'Kan jeg skrive nå?' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await hostClient.ok('webcast:hide-message', { messageId: message.id });
    await viewers[0]!.client.waitFor('webcast:chat-hidden', (m) => m.messageId === message.id);

    // The host removes the performer from the stage for good: the rejoin is refused.
    const hostStage = await RoomClient.connect(node.url, host!.id);
    clients.push(hostStage);
    await hostStage.joinRoom(backstage!.slug);
    expect(await viewers[0]!.client.request('stage:remove', { peerId: stageJoin.self.id })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    await hostStage.ok('stage:remove', { peerId: stageJoin.self.id });
    const again = await RoomClient.connect(node.url, performerUser.id);
    clients.push(again);
    expect(await again.request('room:join', { room: backstage!.slug, peerKey: again.peerKey })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Ending: everyone is told, and nobody can join any more.
    const viewerCounts = node.webcasts.viewerCounts(event.id);
    expect(viewerCounts.peak).toBeGreaterThanOrEqual(4);
    const { event: ended } = await transitionEvent(database.db, host, event.id, 'ended', viewerCounts);
    await node.webcasts.statusChanged(ended);
    await viewers[2]!.client.waitFor('webcast:status', (p) => p.status === 'ended');
    expect(await viewers[2]!.client.request('webcast:join', { event: event.slug, rtpCapabilities: caps })).toMatchObject({ ok: false, error: { code: 'event_final' } });
    const [stored] = await database.db.select().from(events).where(eq(events.id, event.id));
    expect(stored).toMatchObject({ status: 'ended', peakViewers: viewerCounts.peak });
  });

  it('opens one audience router for a burst of joins at the threshold, and spreads the burst evenly', async () => {
    const event = await createEvent(database.db, host, { title: 'Barokkorkesteret, urpremiere', descriptionNb: 'Konsert', descriptionEn: 'Concert', ...soon() }, false);
    const performerUser = await makeUser(database.db, 'Maja Cembalo');
    await setPerformers(database.db, host, event.id, { handles: [performerUser.handle] });
    const [backstage] = await database.db.select().from(rooms).where(eq(rooms.eventId, event.id));
    const performer = await RoomClient.connect(node.url, performerUser.id);
    clients.push(performer);
    const stageJoin = await performer.joinRoom(backstage!.slug);
    const send = await transport(performer, 'send');
    await performer.ok('producer:create', { transportId: send, kind: 'audio', source: 'mic', rtpParameters: opusParameters(77) });
    const { event: live } = await transitionEvent(database.db, host, event.id, 'live');
    await node.webcasts.statusChanged(live);
    const first = await member('Første tilskuer');
    await first.client.ok('webcast:join', { event: event.slug, rtpCapabilities: stageJoin.routerRtpCapabilities });
    const webcast = node.webcasts.live.get(event.id)!.webcast!;
    expect(webcast.stats().slots).toHaveLength(1);

    // Twenty viewers at once, with the only slot past the threshold (1): one new router on the
    // other worker, not one per join, and the burst split between the two.
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        webcast.joinPlain({ destination: { ip: '127.0.0.1', port: 40_000 + i }, srtp: false, rtpCapabilities: stageJoin.routerRtpCapabilities as never, audioOnly: true }),
      ),
    );
    const stats = webcast.stats();
    expect(stats.slots).toHaveLength(2);
    expect(new Set(stats.slots.map((slot) => slot.workerIndex))).toEqual(new Set([0, 1]));
    const [a, b] = stats.slots.map((slot) => slot.viewers);
    expect(a! + b!).toBe(21);
    expect(Math.abs(a! - b!)).toBeLessThanOrEqual(1);
    for (const viewer of burst) webcast.leave(viewer);
    expect(webcast.stats().slots.reduce((sum, slot) => sum + slot.viewers, 0)).toBe(1);
  });

  it('takes a server-side RTP sender as a performer on stage, and plays its sound to the audience', async () => {
    const event = await createEvent(database.db, host, { title: 'Strømmet inn', descriptionNb: 'Konsert', descriptionEn: 'Concert', ...soon() }, false);
    const performerUser = await makeUser(database.db, 'Oda Koder');
    await setPerformers(database.db, host, event.id, { handles: [performerUser.handle] });
    const [backstage] = await database.db.select().from(rooms).where(eq(rooms.eventId, event.id));
    const performer = await RoomClient.connect(node.url, performerUser.id);
    clients.push(performer);
    const stageJoin = await performer.joinRoom(backstage!.slug);
    const stage = node.rooms.get(backstage!.id)!;
    const peer = stage.peers.get(stageJoin.self.id)!;

    // The mic comes as plain RTP from a UDP socket (an encoder restreaming into the stage).
    const plain = await stage.createPlainSender(peer, '127.0.0.1');
    const ssrc = 4_242_424;
    await stage.produce(peer, {
      transportId: plain.id,
      kind: 'audio',
      source: 'mic',
      rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48_000, channels: 2 }], headerExtensions: [], encodings: [{ ssrc }], rtcp: { cname: 'encoder' } },
    });
    expect(peer.media().mic).toBe('on');

    const { event: live } = await transitionEvent(database.db, host, event.id, 'live');
    await node.webcasts.statusChanged(live);
    const first = await member('Lytter');
    await first.client.ok('webcast:join', { event: event.slug, rtpCapabilities: stageJoin.routerRtpCapabilities });
    const webcast = node.webcasts.live.get(event.id)!.webcast!;

    // A listener's media go to a UDP socket here; it hears the sender's packets.
    const sink = dgram.createSocket('udp4');
    const sender = dgram.createSocket('udp4');
    try {
      await new Promise<void>((resolve) => sink.bind(0, '127.0.0.1', () => resolve()));
      const viewer = await webcast.joinPlain({ destination: { ip: '127.0.0.1', port: sink.address().port }, srtp: false, rtpCapabilities: stageJoin.routerRtpCapabilities as never, audioOnly: true });
      const consumer = [...viewer.consumers.values()][0]!;
      expect(consumer.kind).toBe('audio');
      const heard = new Promise<number>((resolve) => sink.on('message', (packet) => packet[1]! < 192 && resolve(packet.readUInt32BE(8))));
      let seq = 0;
      const timer = setInterval(() => {
        const packet = Buffer.alloc(12 + 40);
        packet[0] = 0x80;
        packet[1] = 111;
        packet.writeUInt16BE(seq, 2);
        packet.writeUInt32BE(seq * 960, 4);
        packet.writeUInt32BE(ssrc, 8);
        seq += 1;
        sender.send(packet, plain.tuple.localPort, '127.0.0.1');
      }, 20);
      try {
        expect(await heard).toBe(consumer.rtpParameters.encodings![0]!.ssrc);
      } finally {
        clearInterval(timer);
      }
      webcast.leave(viewer);
    } finally {
      sink.close();
      sender.close();
    }
  });
});

// Needs ffmpeg (CI installs it); without it recording is refused, as tested above.
describe.runIf(loadConfig(process.env).recording.available)('webcast recording', () => {
  it('starts recording when the stage sends, and stores the file when the event ends', async () => {
    const database = await databaseTargets()[0]!.open();
    const node = await startTestNode(database, { MEDIASOUP_WORKERS: '1' });
    try {
      const h = await makeUser(database.db, 'Hilde Vert');
      await setUserRole(database.db, h.id, 'host');
      const host = { id: h.id, role: 'host' as const };
      const event = await createEvent(database.db, host, { title: 'Opptatt konsert', descriptionNb: 'x', descriptionEn: 'x', ...soon(), recordingEnabled: true }, true);
      const [backstage] = await database.db.select().from(rooms).where(eq(rooms.eventId, event.id));
      const performer = await RoomClient.connect(node.url, h.id);
      await performer.joinRoom(backstage!.slug);
      const { event: live } = await transitionEvent(database.db, host, event.id, 'live');
      await node.webcasts.statusChanged(live);
      expect(node.webcasts.live.get(event.id)!.recorder).toBeNull();
      const send = await transport(performer, 'send');
      await performer.ok('producer:create', { transportId: send, kind: 'video', source: 'camera', rtpParameters: vp8SimulcastParameters() });
      await performer.ok('producer:create', { transportId: send, kind: 'audio', source: 'mic', rtpParameters: opusParameters() });
      await expect.poll(() => node.webcasts.live.get(event.id)?.recorder ?? null, { timeout: 10_000 }).not.toBeNull();
      const { event: ended } = await transitionEvent(database.db, host, event.id, 'ended');
      await node.webcasts.statusChanged(ended);
      const [stored] = await database.db.select().from(events).where(eq(events.id, event.id));
      expect(stored!.recordingFile).toMatch(new RegExp(`^${event.slug}-\\d+\\.webm$`));
      performer.close();
    } finally {
      await node.stop();
      await database.close();
    }
  });
});
