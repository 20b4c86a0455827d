import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { lessonSeries, roomAttendance } from '../../db/schema';
import type { Hubro } from '../../server/hubro';
import { createGuestPass } from '../../server/rooms/guest-pass';
import { databaseTargets } from '../support/databases';
import { startTestNode, TEST_SECRET } from '../support/hubro';
import { makeRoom, makeUser, opusParameters, RoomClient, transport, vp8SimulcastParameters } from '../support/room-client';

// Lessons and care calls: host controls, the lobby, the hand queue, guests, attendance,
// against real mediasoup workers and real Socket.IO clients.
describe.each(databaseTargets())('host controls on $name', (target) => {
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
    node = await startTestNode(database, { RECONNECT_GRACE_SECONDS: '1', ROOM_EMPTY_GRACE_SECONDS: '0.3' });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await node?.stop();
    await database?.close();
  });

  /** A lesson with a teacher (the room's owner) and two pupils' devices that send a mic. */
  async function lesson() {
    const [teacher, pupil, other] = [
      await makeUser(database.db, 'Lucía Fernández'),
      await makeUser(database.db, 'Klasserommet 5B'),
      await makeUser(database.db, 'Sigrid Olsen'),
    ];
    const row = await makeRoom(database.db, teacher.id, { title: 'Spansk 5. klasse', kind: 'lesson' });
    const host = await connect(teacher.id);
    const a = await connect(pupil.id);
    const b = await connect(other.id);
    await host.joinRoom(row.slug);
    await a.joinRoom(row.slug, { classroom: true });
    await b.joinRoom(row.slug);
    return { row, host, a, b, users: { teacher, pupil, other } };
  }

  async function sendMic(client: RoomClient, ssrc: number) {
    const send = await transport(client, 'send');
    return client.ok<{ producerId: string }>('producer:create', { transportId: send, kind: 'audio', source: 'mic', rtpParameters: opusParameters(ssrc) });
  }

  const liveRoom = (id: string) => node.rooms.get(id)!;

  it('marks the teacher as host and the classroom device as a classroom, for everyone', async () => {
    const { row, host, a } = await lesson();
    expect(host.join!.self).toMatchObject({ role: 'host', classroom: false });
    expect(a.join!.self).toMatchObject({ role: 'participant', classroom: true });
    expect(a.join!.room.kind).toBe('lesson');
    expect(a.join!.controls).toEqual({ locked: false, lobby: false, screenShare: true, spotlight: null });
    const seen = await host.waitFor('peer:joined', (p) => p.id === a.join!.self.id);
    expect(seen).toMatchObject({ classroom: true, role: 'participant' });
    expect(liveRoom(row.id).peers.size).toBe(3);
  });

  // Every host action, as a participant and as someone who is not in the room: `forbidden` or
  // `not_joined`, and the room is exactly as before.
  const actions: Array<[string, (ids: { a: string; b: string }) => unknown]> = [
    ['host:mute', ({ b }) => ({ peerId: b })],
    ['host:mute-all', () => ({})],
    ['host:ask-unmute', ({ b }) => ({ peerId: b })],
    ['host:stop-camera', ({ b }) => ({ peerId: b })],
    ['host:spotlight', ({ b }) => ({ peerId: b })],
    ['host:remove', ({ b }) => ({ peerId: b })],
    ['host:controls', () => ({ locked: true })],
    ['hand:lower', ({ b }) => ({ peerId: b })],
    ['hand:next', () => ({})],
    ['lobby:admit', () => ({ id: randomUUID() })],
    ['lobby:deny', () => ({ id: randomUUID() })],
  ];

  it.each(actions)('refuses %s to a participant and to an outsider, and changes nothing', async (event, payload) => {
    const { row, a, b } = await lesson();
    await sendMic(b, 31_000_001);
    await b.ok('hand:set', { raised: true });
    const outsider = await connect((await makeUser(database.db, 'Utenforstående')).id);
    const room = liveRoom(row.id);
    const before = JSON.stringify({
      controls: room.controls(),
      peers: [...room.peers.values()].map((p) => p.view()),
      paused: [...room.peers.values()].flatMap((p) => [...p.producers.values()].map((x) => x.paused)),
    });
    const ids = { a: a.join!.self.id, b: b.join!.self.id };

    const asParticipant = await a.request(event, payload(ids));
    expect(asParticipant).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((asParticipant as { error: { message: string } }).error.message).toBe('Du har ikke tilgang til dette.');
    const asOutsider = await outsider.request(event, payload(ids));
    expect(asOutsider).toMatchObject({ ok: false, error: { code: 'not_joined' } });

    const after = JSON.stringify({
      controls: room.controls(),
      peers: [...room.peers.values()].map((p) => p.view()),
      paused: [...room.peers.values()].flatMap((p) => [...p.producers.values()].map((x) => x.paused)),
    });
    expect(after).toBe(before);
    expect(b.count('host:muted') + b.count('room:removed') + b.count('host:unmute-requested')).toBe(0);
  });

  it('mutes one and all on the server; only the participant can unmute, the host can only ask', async () => {
    const { row, host, a, b } = await lesson();
    const micA = await sendMic(a, 32_000_001);
    const micB = await sendMic(b, 32_000_002);
    const room = liveRoom(row.id);
    const producer = (client: RoomClient, id: string) => room.peers.get(client.join!.self.id)!.producers.get(id)!;

    await host.ok('host:mute', { peerId: a.join!.self.id });
    await a.waitFor('host:muted');
    expect(producer(a, micA.producerId).paused).toBe(true);
    await b.waitFor('peer:updated', (p) => p.id === a.join!.self.id && p.media.mic === 'muted');

    expect(await host.ok('host:mute-all')).toEqual({ muted: 1 });
    expect(producer(b, micB.producerId).paused).toBe(true);
    await host.waitFor('peer:updated', (p) => p.id === b.join!.self.id && p.media.mic === 'muted');

    // There is no "host:unmute": the host asks, the participant decides.
    await expect(host.socket.timeout(500).emitWithAck('host:unmute', { peerId: a.join!.self.id })).rejects.toThrow();
    await host.ok('host:ask-unmute', { peerId: a.join!.self.id });
    await a.waitFor('host:unmute-requested');
    expect(producer(a, micA.producerId).paused).toBe(true);
    await a.ok('producer:resume', { producerId: micA.producerId });
    expect(producer(a, micA.producerId).paused).toBe(false);
  });

  it('stops a participant’s camera, and they may start it again', async () => {
    const { row, host, b } = await lesson();
    const send = await transport(b, 'send');
    const camera = await b.ok('producer:create', { transportId: send, kind: 'video', source: 'camera', rtpParameters: vp8SimulcastParameters(33_000_000) });
    await host.ok('host:stop-camera', { peerId: b.join!.self.id });
    await b.waitFor('host:camera-stopped');
    const peer = liveRoom(row.id).peers.get(b.join!.self.id)!;
    expect(peer.producers.has(camera.producerId)).toBe(false);
    await host.waitFor('peer:updated', (p) => p.id === b.join!.self.id && p.media.camera === 'off');
    await b.ok('producer:create', { transportId: send, kind: 'video', source: 'camera', rtpParameters: vp8SimulcastParameters(33_100_000) });
    expect(peer.media().camera).toBe('on');
  });

  it('spotlights a participant for everyone, and clears it when they leave', async () => {
    const { host, a, b } = await lesson();
    await host.ok('host:spotlight', { peerId: a.join!.self.id });
    for (const client of [host, a, b]) await client.waitFor('room:controls', (c) => c.spotlight === a.join!.self.id);
    expect(await host.request('host:spotlight', { peerId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await a.ok('room:leave');
    await b.waitFor('room:controls', (c) => c.spotlight === null);
  });

  it('locks the room against newcomers, not against the host', async () => {
    const { row, host, users } = await lesson();
    expect(await host.ok('host:controls', { locked: true })).toMatchObject({ locked: true });
    const late = await connect((await makeUser(database.db, 'Sent ankommet')).id);
    const refused = await late.request('room:join', { room: row.slug, peerKey: late.peerKey });
    expect(refused).toMatchObject({ ok: false, error: { code: 'room_locked', message: 'Verten har låst rommet.' } });
    // The teacher's second device still gets in.
    const teacherTablet = await connect(users.teacher.id);
    await teacherTablet.joinRoom(row.slug);
    await host.ok('host:controls', { locked: false });
    await late.joinRoom(row.slug);
    expect(await host.request('host:controls', {})).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('turns participants’ screen sharing off (closing a running share), but not the host’s', async () => {
    const { row, host, b } = await lesson();
    const send = await transport(b, 'send');
    const screen = await b.ok('producer:create', { transportId: send, kind: 'video', source: 'screen', rtpParameters: vp8SimulcastParameters(34_000_000) });
    await host.ok('host:controls', { screenShare: false });
    await b.waitFor('room:controls', (c) => c.screenShare === false);
    expect(liveRoom(row.id).peers.get(b.join!.self.id)!.producers.has(screen.producerId)).toBe(false);
    const again = await b.request('producer:create', { transportId: send, kind: 'video', source: 'screen', rtpParameters: vp8SimulcastParameters(34_100_000) });
    expect(again).toMatchObject({ ok: false, error: { code: 'screen_share_off' } });
    // The teacher shares teaching material regardless.
    const hostSend = await transport(host, 'send');
    await host.ok('producer:create', { transportId: hostSend, kind: 'video', source: 'screen', rtpParameters: vp8SimulcastParameters(34_200_000) });
  });

  it('removes a participant, who is told and cannot come back this session', async () => {
    const { row, host, a, b, users } = await lesson();
    await host.ok('host:remove', { peerId: b.join!.self.id });
    await b.waitFor('room:removed');
    await a.waitFor('peer:left', (p) => p.peerId === b.join!.self.id);
    expect(liveRoom(row.id).peers.has(b.join!.self.id)).toBe(false);
    expect(await b.request('chat:send', { text: 'Hallo?' })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    const back = await connect(users.other.id);
    expect(await back.request('room:join', { room: row.slug, peerKey: back.peerKey })).toMatchObject({ ok: false, error: { code: 'removed' } });
    // Hosts cannot remove hosts.
    expect(await host.request('host:remove', { peerId: host.join!.self.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('keeps raised hands in the order they went up; the host takes the next or lowers one', async () => {
    const { host, a, b } = await lesson();
    const c = await connect((await makeUser(database.db, 'Jonas')).id);
    await c.joinRoom(host.join!.room.slug);
    await b.ok('hand:set', { raised: true });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await a.ok('hand:set', { raised: true });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await c.ok('hand:set', { raised: true });
    // Raising again keeps the place in the queue.
    await b.ok('hand:set', { raised: true });
    await host.waitFor('peer:updated', (p) => p.id === c.join!.self.id && p.handRaised);

    expect(await host.ok('hand:next')).toEqual({ peerId: b.join!.self.id });
    await b.waitFor('peer:updated', (p) => p.id === b.join!.self.id && !p.handRaised && p.handRaisedAt === null);
    await host.ok('hand:lower', { peerId: c.join!.self.id });
    expect(await host.ok('hand:next')).toEqual({ peerId: a.join!.self.id });
    expect(await host.ok('hand:next')).toEqual({ peerId: null });
    // A participant may lower their own hand.
    await a.ok('hand:set', { raised: true });
    await a.ok('hand:lower', { peerId: a.join!.self.id });
  });

  it('holds newcomers in the lobby until the host admits or denies them, live', async () => {
    const teacher = await makeUser(database.db, 'Lucía');
    const row = await makeRoom(database.db, teacher.id, { title: 'Spansk med venterom', kind: 'lesson', lobby: true });
    const host = await connect(teacher.id);
    await host.joinRoom(row.slug);
    expect(host.join!.controls.lobby).toBe(true);
    const [eva, per] = [await makeUser(database.db, 'Eva'), await makeUser(database.db, 'Per')];
    const e = await connect(eva.id);
    const p = await connect(per.id);
    expect(await e.ok('room:join', { room: row.slug, peerKey: e.peerKey })).toMatchObject({ waiting: true, room: { slug: row.slug } });
    expect(await p.ok('room:join', { room: row.slug, peerKey: p.peerKey })).toMatchObject({ waiting: true });
    const list = await host.waitFor('lobby:updated', (u) => u.lobby.length === 2);
    expect(list.lobby.map((entry: { name: string }) => entry.name)).toEqual(['Eva', 'Per']);
    // Waiting is not being in: no requests, no media.
    expect(await e.request('chat:send', { text: 'Hei' })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    expect(liveRoom(row.id).peers.size).toBe(1);

    await host.ok('lobby:admit', { id: list.lobby[0].id });
    await e.waitFor('lobby:admitted');
    const joined = await e.joinRoom(row.slug);
    expect(joined.self.name).toBe('Eva');
    await host.ok('lobby:deny', { id: list.lobby[1].id });
    await p.waitFor('lobby:denied');
    await host.waitFor('lobby:updated', (u) => u.lobby.length === 0);
    expect(liveRoom(row.id).peers.size).toBe(2);

    // Someone waiting who closes the tab leaves the list.
    const q = await connect((await makeUser(database.db, 'Kristin')).id);
    await q.ok('room:join', { room: row.slug, peerKey: q.peerKey });
    await host.waitFor('lobby:updated', (u) => u.lobby.some((entry: { name: string }) => entry.name === 'Kristin'));
    q.close();
    await host.waitFor('lobby:updated', (u) => !u.lobby.some((entry: { name: string }) => entry.name === 'Kristin'));
    expect(await host.request('lobby:admit', { id: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('runs a care call invite-only with a lobby that stays on, keeping no chat and only who joined when', async () => {
    const [nurse, daughter] = [await makeUser(database.db, 'Pleier på Dyrøy sjukeheim'), await makeUser(database.db, 'Anne Berg')];
    const row = await makeRoom(database.db, nurse.id, { title: 'Samtale med mor', kind: 'care', visibility: 'public' });
    expect(row).toMatchObject({ kind: 'care', visibility: 'invite-only', lobby: true });
    const host = await connect(nurse.id);
    const hostJoin = await host.joinRoom(row.slug);
    expect(hostJoin.controls.lobby).toBe(true);
    expect(await host.request('host:controls', { lobby: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const { createInviteToken } = await import('../../server/rooms/invites');
    const invite = createInviteToken(TEST_SECRET, row.id, new Date(Date.now() + 3_600_000));
    const guest = await connect(daughter.id);
    expect(await guest.ok('room:join', { room: row.slug, peerKey: guest.peerKey, invite })).toMatchObject({ waiting: true });
    const { lobby } = await host.waitFor('lobby:updated', (u) => u.lobby.length === 1);
    await host.ok('lobby:admit', { id: lobby[0].id });
    await guest.waitFor('lobby:admitted');
    await guest.joinRoom(row.slug, { invite });
    await host.ok('chat:send', { text: 'Hei Anne, mor er her.' });
    await guest.waitFor('chat:posted', (m) => m.text === 'Hei Anne, mor er her.');

    // A late joiner (the ward's tablet) sees no earlier messages.
    const tablet = await connect(nurse.id);
    const late = await tablet.ok('room:join', { room: row.slug, peerKey: tablet.peerKey });
    expect(late.waiting).toBeFalsy();
    expect(late.chat).toEqual([]);

    await guest.ok('room:leave');
    await tablet.ok('room:leave');
    await host.ok('room:leave');
    await expectEventually(async () => {
      const rows = await database.db.select().from(roomAttendance).where(eq(roomAttendance.roomId, row.id));
      expect(rows).toHaveLength(3);
      expect(rows.map((r) => r.displayName).sort()).toEqual(['Anne Berg', 'Pleier på Dyrøy sjukeheim', 'Pleier på Dyrøy sjukeheim']);
      expect(rows.every((r) => r.leftAt !== null && r.leftAt >= r.joinedAt)).toBe(true);
      expect(Object.keys(rows[0]!).sort()).toEqual(['displayName', 'id', 'joinedAt', 'leftAt', 'roomId', 'userId']);
    });
  });

  it('lets a guest with a pass into its own room only, and refuses a forged or stale pass', async () => {
    const teacher = await makeUser(database.db, 'Lucía');
    const row = await makeRoom(database.db, teacher.id, { title: 'Spansk', kind: 'lesson' });
    const elsewhere = await makeRoom(database.db, teacher.id, { title: 'Annet rom' });
    const [series] = await database.db
      .insert(lessonSeries)
      .values({
        roomId: row.id,
        title: 'Spansk for 5. klasse',
        teacherId: teacher.id,
        weekdays: [2],
        startMinute: 600,
        durationMinutes: 45,
        startsOn: '2026-08-18',
        endsOn: '2027-06-15',
        feedToken: randomUUID(),
      })
      .returning();
    const pass = createGuestPass(TEST_SECRET, { room: row.id, name: 'Brøstadbotn skole, 5. klasse', via: 'invite', ref: series!.id, locale: 'nb' });
    const school = await RoomClient.connectGuest(node.url, pass);
    clients.push(school);
    expect(await school.request('room:join', { room: elsewhere.slug, peerKey: school.peerKey })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const joined = await school.joinRoom(row.slug, { classroom: true });
    expect(joined.self).toMatchObject({ name: 'Brøstadbotn skole, 5. klasse', guest: true, role: 'participant', classroom: true });
    // A guest reaches nothing but its room: no forum handlers answer it.
    await expect(school.socket.timeout(500).emitWithAck('forum:watch', { thread: randomUUID() })).rejects.toThrow();
    expect(await school.request('session:whoami', {})).toMatchObject({ ok: true, data: { role: 'guest' } });

    const forged = pass.slice(0, -4) + (pass.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await expect(RoomClient.connectGuest(node.url, forged)).rejects.toMatchObject({ data: { code: 'guest_pass_invalid' } });
    const stale = createGuestPass(TEST_SECRET, { room: row.id, name: 'Gammel', via: 'invite', ref: series!.id, locale: 'nb' }, new Date(Date.now() - 3_600_000));
    await expect(RoomClient.connectGuest(node.url, stale)).rejects.toMatchObject({ data: { code: 'guest_pass_expired' } });
    const wrongSeries = createGuestPass(TEST_SECRET, { room: elsewhere.id, name: 'Lure', via: 'invite', ref: series!.id, locale: 'nb' });
    await expect(RoomClient.connectGuest(node.url, wrongSeries)).rejects.toMatchObject({ data: { code: 'guest_pass_invalid' } });
  });
});

async function expectEventually(check: () => Promise<void>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
