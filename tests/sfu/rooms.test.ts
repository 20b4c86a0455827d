import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { roomMembers } from '../../db/schema';
import type { Hubro } from '../../server/hubro';
import { createInviteToken } from '../../server/rooms/invites';
import { databaseTargets } from '../support/databases';
import { startTestNode, TEST_SECRET } from '../support/hubro';
import { makeRoom, makeUser, opusParameters, RoomClient, transport, vp8SimulcastParameters } from '../support/room-client';

// Meeting rooms against real mediasoup workers and real Socket.IO clients. The clients speak
// the signalling protocol directly with hand-made RTP parameters; real media between browsers
// is covered in tests/e2e/meeting.test.ts.
const targets = databaseTargets().map((t) => ({
  ...t,
  env: t.name === 'postgres' && process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : ({} as Record<string, string>),
}));

describe.each(targets)('meeting rooms on $name', (target) => {
  let database: DatabaseHandle;
  let node: Hubro;
  const clients: RoomClient[] = [];
  const connect = async (userId: string) => {
    const client = await RoomClient.connect(node.url, userId);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    database = await target.open();
    node = await startTestNode(database, { ...target.env, RECONNECT_GRACE_SECONDS: '1', ROOM_EMPTY_GRACE_SECONDS: '0.3' });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await node?.stop();
    await database?.close();
  });

  it('joins, produces and consumes, with consumers paused until the browser confirms', async () => {
    const [kari, ola] = [await makeUser(database.db, 'Kari'), await makeUser(database.db, 'Ola')];
    const row = await makeRoom(database.db, kari.id, { title: 'Morgenmøte' });
    const a = await connect(kari.id);
    const b = await connect(ola.id);

    const joinA = await a.joinRoom(row.slug);
    expect(joinA).toMatchObject({ room: { slug: row.slug, title: 'Morgenmøte', capacity: 50 }, peers: [], resumed: false });
    expect((joinA.routerRtpCapabilities as { codecs: Array<{ mimeType: string }> }).codecs.map((c) => c.mimeType)).toEqual(
      expect.arrayContaining(['audio/opus', 'video/VP8']),
    );
    const joinB = await b.joinRoom(row.slug);
    expect(joinB.peers.map((p) => p.name)).toEqual(['Kari']);
    const joined = await a.waitFor('peer:joined');
    expect(joined).toMatchObject({ id: joinB.self.id, name: 'Ola', media: { mic: 'off', camera: 'off' } });

    const sendA = await transport(a, 'send');
    const mic = await a.ok('producer:create', { transportId: sendA, kind: 'audio', source: 'mic', rtpParameters: opusParameters() });
    await transport(b, 'recv');
    expect(await b.ok('room:ready', { rtpCapabilities: joinB.routerRtpCapabilities })).toEqual({ consumers: 1 });
    const camera = await a.ok('producer:create', { transportId: sendA, kind: 'video', source: 'camera', rtpParameters: vp8SimulcastParameters() });

    const micConsumer = await b.waitFor('consumer:created', (c) => c.producerId === mic.producerId);
    const camConsumer = await b.waitFor('consumer:created', (c) => c.producerId === camera.producerId);
    expect(micConsumer).toMatchObject({ peerId: joinA.self.id, kind: 'audio', source: 'mic', producerPaused: false });
    expect(camConsumer).toMatchObject({ kind: 'video', source: 'camera', type: 'simulcast' });
    await b.waitFor('peer:updated', (p) => p.id === joinA.self.id && p.media.mic === 'on' && p.media.camera === 'on');

    const room = node.rooms.get(row.id)!;
    const serverSide = room.peers.get(joinB.self.id)!.consumers.get(camConsumer.consumerId)!;
    expect(serverSide.paused).toBe(true);
    await b.ok('consumer:resume', { consumerId: camConsumer.consumerId });
    expect(serverSide.paused).toBe(false);

    // A small tile gets the lowest simulcast layer; an off-screen tile pauses the video.
    await b.ok('consumer:preferences', { tiles: [{ consumerId: camConsumer.consumerId, visible: true, width: 200, height: 112 }] });
    expect(serverSide.preferredLayers?.spatialLayer).toBe(0);
    await b.ok('consumer:preferences', { tiles: [{ consumerId: camConsumer.consumerId, visible: false, width: 200, height: 112 }] });
    expect(serverSide.paused).toBe(true);
    await b.ok('consumer:preferences', { tiles: [{ consumerId: camConsumer.consumerId, visible: true, width: 1280, height: 720 }] });
    expect(serverSide.paused).toBe(false);
    expect(serverSide.preferredLayers?.spatialLayer).toBe(2);

    // Muting is mirrored to the other side, as mute state and as a paused consumer.
    await a.ok('producer:pause', { producerId: mic.producerId });
    await b.waitFor('consumer:paused', (c) => c.consumerId === micConsumer.consumerId);
    await b.waitFor('peer:updated', (p) => p.id === joinA.self.id && p.media.mic === 'muted');
    await a.ok('producer:resume', { producerId: mic.producerId });
    await b.waitFor('peer:updated', (p) => p.id === joinA.self.id && p.media.mic === 'on');

    // Raised hands and chat reach the others.
    await a.ok('hand:set', { raised: true });
    await b.waitFor('peer:updated', (p) => p.id === joinA.self.id && p.handRaised);
    const message = await a.ok('chat:send', { text: 'God morgen fra Brøstadbotn!' });
    await b.waitFor('chat:posted', (m) => m.id === message.id && m.name === 'Kari');

    // A late joiner sees the session's messages and the others' media at once.
    const per = await makeUser(database.db, 'Per');
    const c = await connect(per.id);
    const joinC = await c.joinRoom(row.slug);
    expect(joinC.chat.map((m) => m.text)).toEqual(['God morgen fra Brøstadbotn!']);
    expect(joinC.peers.find((p) => p.name === 'Kari')).toMatchObject({ handRaised: true, media: { mic: 'on', camera: 'on' } });

    // Screen share is a producer of its own; a second camera is refused.
    const screen = await a.ok('producer:create', {
      transportId: sendA,
      kind: 'video',
      source: 'screen',
      rtpParameters: { ...vp8SimulcastParameters(33_333_330), mid: '2', encodings: [{ ssrc: 33_333_331 }] },
    });
    await b.waitFor('consumer:created', (x) => x.producerId === screen.producerId && x.source === 'screen');
    const second = await a.request('producer:create', { transportId: sendA, kind: 'video', source: 'camera', rtpParameters: vp8SimulcastParameters(44_444_440) });
    expect(second).toMatchObject({ ok: false, error: { code: 'bad_request' } });

    // Leaving closes the peer's media on the other side.
    await a.ok('room:leave', {});
    await b.waitFor('peer:left', (p) => p.peerId === joinA.self.id);
    await b.waitFor('consumer:closed', (x) => x.consumerId === camConsumer.consumerId);
    expect(room.peers.has(joinA.self.id)).toBe(false);
  });

  it('refuses ids that are not the peer’s own, and requests before joining', async () => {
    const [kari, ola] = [await makeUser(database.db, 'Kari'), await makeUser(database.db, 'Ola')];
    const row = await makeRoom(database.db, kari.id);
    const a = await connect(kari.id);
    const b = await connect(ola.id);
    expect(await b.request('transport:create', { direction: 'send' })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    await a.joinRoom(row.slug);
    await b.joinRoom(row.slug);
    const sendA = await transport(a, 'send');
    const mic = await a.ok('producer:create', { transportId: sendA, kind: 'audio', source: 'mic', rtpParameters: opusParameters() });

    for (const [event, payload] of [
      ['producer:pause', { producerId: mic.producerId }],
      ['producer:close', { producerId: mic.producerId }],
      ['producer:pause', { producerId: randomUUID() }],
      ['transport:restart-ice', { transportId: sendA }],
      ['transport:connect', { transportId: sendA, dtlsParameters: { fingerprints: [{ algorithm: 'sha-256', value: 'AA' }] } }],
      ['consumer:resume', { consumerId: randomUUID() }],
      ['producer:create', { transportId: sendA, kind: 'audio', source: 'mic', rtpParameters: opusParameters(999) }],
    ] as const) {
      expect(await b.request(event, payload), event).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    // Nothing changed for the owner of those ids.
    expect(node.rooms.get(row.id)!.peers.get(a.join!.self.id)!.producers.get(mic.producerId)!.paused).toBe(false);
  });

  it('refuses RTP parameters the router cannot use, and the worker lives on', async () => {
    const kari = await makeUser(database.db, 'Kari');
    const row = await makeRoom(database.db, kari.id);
    const a = await connect(kari.id);
    await a.joinRoom(row.slug);
    const send = await transport(a, 'send');
    const unsupported = { ...opusParameters(), codecs: [{ mimeType: 'audio/G722', payloadType: 9, clockRate: 8000, rtcpFeedback: [] }] };
    const broken = { ...opusParameters(), codecs: [{ mimeType: 42, payloadType: 'x' }], encodings: [{ ssrc: 'abc' }] };
    for (const rtpParameters of [unsupported, broken]) {
      const ack = await a.request('producer:create', { transportId: send, kind: 'audio', source: 'mic', rtpParameters });
      expect(ack).toMatchObject({ ok: false, error: { code: 'media_rejected' } });
    }
    expect(await a.request('producer:create', { transportId: send, kind: 'video', source: 'mic', rtpParameters: opusParameters() })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(node.pool.status().every((w) => w.alive && w.restarts === 0)).toBe(true);
    expect(await a.ok('producer:create', { transportId: send, kind: 'audio', source: 'mic', rtpParameters: opusParameters() })).toHaveProperty('producerId');
  });

  it('keeps one peer per socket when a socket joins again under another tab identity', async () => {
    const kari = await makeUser(database.db, 'Kari');
    const row = await makeRoom(database.db, kari.id);
    const a = await connect(kari.id);
    const first = await a.joinRoom(row.slug);
    const second = await a.ok('room:join', { room: row.slug, peerKey: 'another-tab-key-123' });
    const room = node.rooms.get(row.id)!;
    expect([...room.peers.keys()]).toEqual([second.self.id]);
    expect(second.self.id).not.toBe(first.self.id);
  });

  it('produces a muted mic paused, and lets consumer confirmations exceed the general budget', async () => {
    const [kari, ola] = [await makeUser(database.db, 'Kari'), await makeUser(database.db, 'Ola')];
    const row = await makeRoom(database.db, kari.id);
    const a = await connect(kari.id);
    const b = await connect(ola.id);
    await a.joinRoom(row.slug);
    const joinB = await b.joinRoom(row.slug);
    const send = await transport(a, 'send');
    await a.ok('producer:create', { transportId: send, kind: 'audio', source: 'mic', rtpParameters: opusParameters(), paused: true });
    await b.waitFor('peer:updated', (p) => p.media.mic === 'muted');
    await transport(b, 'recv');
    await b.ok('room:ready', { rtpCapabilities: joinB.routerRtpCapabilities });
    const consumer = await b.waitFor('consumer:created');
    expect(consumer.producerPaused).toBe(true);
    // 60 confirmations in a burst (a big room's join) are not refused by the 50/10 s budget.
    const acks = await Promise.all(Array.from({ length: 60 }, () => b.request('consumer:resume', { consumerId: consumer.consumerId })));
    expect(acks.every((ack) => ack.ok)).toBe(true);
  });

  it('refuses a full room with a clear message', async () => {
    const users = await Promise.all(['Anne', 'Bjørn', 'Cecilie'].map((n) => makeUser(database.db, n)));
    const row = await makeRoom(database.db, users[0]!.id, { capacity: 2 });
    const [a, b, c] = await Promise.all(users.map((u) => connect(u.id)));
    await a!.joinRoom(row.slug);
    await b!.joinRoom(row.slug);
    expect(await c!.request('room:join', { room: row.slug, peerKey: c!.peerKey })).toEqual({
      ok: false,
      error: { code: 'room_full', message: 'Rommet er fullt.' },
    });
    // Someone leaves: there is room again.
    await b!.ok('room:leave', {});
    await c!.joinRoom(row.slug);
  });

  it('admits invite-only rooms by owner or valid invite only, and remembers the invited', async () => {
    const owner = await makeUser(database.db, 'Eier');
    const guest = await makeUser(database.db, 'Gjest');
    const stranger = await makeUser(database.db, 'Fremmed');
    const row = await makeRoom(database.db, owner.id, { visibility: 'invite-only' });
    const [o, g, s] = await Promise.all([owner, guest, stranger].map((u) => connect(u.id)));
    await o!.joinRoom(row.slug);
    expect(await s!.request('room:join', { room: row.slug, peerKey: s!.peerKey })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const expired = createInviteToken(TEST_SECRET, row.id, new Date(Date.now() - 1000));
    const forged = createInviteToken('another-secret-that-is-also-32-characters', row.id, new Date(Date.now() + 3_600_000));
    for (const invite of [expired, forged, 'not.a.token', `${row.id}.9999999999.AAAA`]) {
      expect(await s!.request('room:join', { room: row.slug, peerKey: s!.peerKey, invite })).toMatchObject({
        ok: false,
        error: { code: 'invite_invalid' },
      });
    }
    const valid = createInviteToken(TEST_SECRET, row.id, new Date(Date.now() + 3_600_000));
    await g!.joinRoom(row.slug, { invite: valid });
    const members = await database.db
      .select()
      .from(roomMembers)
      .where(and(eq(roomMembers.roomId, row.id), eq(roomMembers.userId, guest.id)));
    expect(members).toHaveLength(1);
    // The stranger gained nothing from the others' success.
    expect(await s!.request('room:join', { room: row.slug, peerKey: s!.peerKey })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s!.request('room:join', { room: 'no-such-room', peerKey: s!.peerKey })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('keeps the same peer through a reconnect, and lets it go after the grace', async () => {
    const [kari, ola] = [await makeUser(database.db, 'Kari'), await makeUser(database.db, 'Ola')];
    const row = await makeRoom(database.db, kari.id);
    const a = await connect(kari.id);
    const b = await connect(ola.id);
    const joinA = await a.joinRoom(row.slug);
    await b.joinRoom(row.slug);
    const send = await transport(a, 'send');
    await a.ok('producer:create', { transportId: send, kind: 'audio', source: 'mic', rtpParameters: opusParameters() });

    a.socket.disconnect();
    await b.waitFor('peer:updated', (p) => p.id === joinA.self.id && p.reconnecting);
    // The same tab comes back on a new socket with the same peer key.
    const again = await RoomClient.connect(node.url, kari.id);
    clients.push(again);
    (again as { peerKey: string }).peerKey = a.peerKey;
    const rejoined = await again.joinRoom(row.slug, { keepTransports: [send, randomUUID()] });
    expect(rejoined).toMatchObject({ resumed: true, keptTransports: [send], self: { id: joinA.self.id, media: { mic: 'on' } } });
    await b.waitFor('peer:updated', (p) => p.id === joinA.self.id && !p.reconnecting);
    expect(b.count('peer:joined', (p) => p.userId === kari.id)).toBe(0);
    expect(b.count('peer:left')).toBe(0);
    expect(node.rooms.get(row.id)!.peers.size).toBe(2);

    // Gone for longer than the grace (1 s here, 15 s by default): the others see the leave.
    again.socket.disconnect();
    await b.waitFor('peer:left', (p) => p.peerId === joinA.self.id, 5000);
  });

  it('closes an empty room and frees its router after the grace', async () => {
    const kari = await makeUser(database.db, 'Kari');
    const row = await makeRoom(database.db, kari.id);
    const a = await connect(kari.id);
    await a.joinRoom(row.slug);
    const room = node.rooms.get(row.id)!;
    const routers = () => node.pool.status().reduce((n, w) => n + w.routers, 0);
    const before = routers();
    await a.ok('room:leave', {});
    await new Promise((r) => setTimeout(r, 600));
    expect(room.closed).toBe(true);
    expect(node.rooms.get(row.id)).toBeUndefined();
    expect(routers()).toBe(before - 1);
  });

  it('caps events per socket and chat messages, with a clear error', async () => {
    const kari = await makeUser(database.db, 'Kari');
    const row = await makeRoom(database.db, kari.id);
    const a = await connect(kari.id);
    await a.joinRoom(row.slug);
    const chats = await Promise.all(Array.from({ length: 6 }, (_, i) => a.request('chat:send', { text: `melding ${i}` })));
    expect(chats.filter((c) => c.ok)).toHaveLength(5);
    expect(chats[5]).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    const flood = await Promise.all(Array.from({ length: 50 }, () => a.request('session:whoami', {})));
    expect(flood.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'rate_limited')).toBe(true);
    expect(flood.some((r) => !r.ok)).toBe(true);
    // An oversized payload is refused before it is parsed.
    const huge = await a.request('chat:send', { text: 'x'.repeat(40_000) });
    expect(huge).toMatchObject({ ok: false });
  });

  it('reports live rooms on /metrics', async () => {
    const kari = await makeUser(database.db, 'Kari');
    const row = await makeRoom(database.db, kari.id);
    const a = await connect(kari.id);
    await a.joinRoom(row.slug);
    const text = await (await fetch(`${node.url}/metrics`)).text();
    expect(text).toMatch(new RegExp(`^hubro_room_peers\\{room="${row.slug}",worker="\\d+"\\} 1$`, 'm'));
    expect(text).toMatch(/^hubro_mediasoup_worker_producers\{worker="0"\} \d+$/m);
  });
});
