import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import type { Hubro } from '../../server/hubro';
import { databaseTargets } from '../support/databases';
import { startTestNode } from '../support/hubro';
import { makeRoom, makeUser, opusParameters, RoomClient, transport, vp8SimulcastParameters } from '../support/room-client';

const EVENTS = [
  'session:whoami',
  'room:join',
  'room:ready',
  'transport:create',
  'transport:connect',
  'transport:restart-ice',
  'producer:create',
  'producer:pause',
  'producer:resume',
  'producer:close',
  'consumer:resume',
  'consumer:preferences',
  'chat:send',
  'hand:set',
  'hand:lower',
  'hand:next',
  'host:mute',
  'host:mute-all',
  'host:ask-unmute',
  'host:stop-camera',
  'host:spotlight',
  'host:remove',
  'host:controls',
  'lobby:admit',
  'lobby:deny',
  'room:leave',
];
const CODES = ['bad_request', 'not_found', 'not_joined', 'forbidden', 'media_rejected', 'rate_limited', 'invite_invalid', 'room_full'];

/** A small seeded PRNG, so a failure can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fuzzValue(rand: () => number, depth: number, known: Record<string, unknown[]>): unknown {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const r = rand();
  if (depth > 3 || r < 0.35) {
    return pick<unknown>([
      null,
      undefined,
      true,
      0,
      -1,
      1e308,
      Number.NaN,
      '',
      'x'.repeat(Math.floor(rand() * 5000)),
      randomUUID(),
      '../../etc/passwd',
      '<script>alert(1)</script>',
      { __proto__: { admin: true } },
      ...Object.values(known).flat(),
    ]);
  }
  if (r < 0.55) return Array.from({ length: Math.floor(rand() * 6) }, () => fuzzValue(rand, depth + 1, known));
  const keys = ['room', 'peerKey', 'transportId', 'producerId', 'consumerId', 'direction', 'kind', 'source', 'rtpParameters', 'rtpCapabilities', 'dtlsParameters', 'text', 'raised', 'tiles', 'invite', 'keepTransports', 'codecs', 'encodings', 'visible', 'width', 'height', 'constructor', 'prototype'];
  const value: Record<string, unknown> = {};
  for (let i = Math.floor(rand() * 6); i > 0; i -= 1) value[pick(keys)] = fuzzValue(rand, depth + 1, known);
  return value;
}

describe.each(databaseTargets())('fuzzing every socket event on $name', (target) => {
  let database: DatabaseHandle;
  let node: Hubro;
  const clients: RoomClient[] = [];

  beforeAll(async () => {
    database = await target.open();
    node = await startTestNode(database, { MEDIASOUP_WORKERS: '1' });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await node?.stop();
    await database?.close();
  });

  it('answers random and malformed payloads with an error code, and the server stays up', async () => {
    const [kari, ola] = [await makeUser(database.db, 'Kari'), await makeUser(database.db, 'Ola')];
    const row = await makeRoom(database.db, kari.id);
    const victim = await RoomClient.connect(node.url, ola.id);
    clients.push(victim);
    await victim.joinRoom(row.slug);
    const victimSend = await transport(victim, 'send');
    const victimMic = await victim.ok('producer:create', { transportId: victimSend, kind: 'audio', source: 'mic', rtpParameters: opusParameters() });
    // The fuzzer knows real ids, its own and the victim's, so it reaches past the shape checks.
    const known = { transportId: [victimSend], producerId: [victimMic.producerId], room: [row.slug] };

    const rand = prng(20261126);
    let answered = 0;
    for (let round = 0; round < 8; round += 1) {
      // A fresh socket each round keeps the per-socket budget from answering everything.
      const fuzzer = await RoomClient.connect(node.url, kari.id);
      clients.push(fuzzer);
      if (round % 2 === 1) await fuzzer.joinRoom(row.slug);
      for (const event of EVENTS) {
        const payload = fuzzValue(rand, 0, known);
        const ack = await fuzzer.request(event, payload).catch((error: Error) => ({ timeout: error.message }));
        expect(ack, `${event} ${JSON.stringify(payload)?.slice(0, 200)}`).not.toHaveProperty('timeout');
        const result = ack as { ok: boolean; error?: { code: string; message: string } };
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(CODES).toContain(result.error!.code);
          expect(result.error!.message.length).toBeGreaterThan(0);
        }
        answered += 1;
        // Events sent without an ack, or with junk where the ack belongs, are dropped quietly.
        fuzzer.socket.emit(event, payload);
        fuzzer.socket.emit(event, payload, 'not-a-function');
      }
      fuzzer.close();
    }
    expect(answered).toBe(8 * EVENTS.length);

    // The victim's media is untouched and the server still works for everyone.
    const room = node.rooms.get(row.id)!;
    expect(room.peers.get(victim.join!.self.id)!.producers.get(victimMic.producerId)?.paused).toBe(false);
    expect(node.pool.status().every((w) => w.alive && w.restarts === 0)).toBe(true);
    expect((await fetch(`${node.url}/api/health`)).status).toBe(200);
    const camera = await victim.ok('producer:create', { transportId: victimSend, kind: 'video', source: 'camera', rtpParameters: vp8SimulcastParameters() });
    expect(camera.producerId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
