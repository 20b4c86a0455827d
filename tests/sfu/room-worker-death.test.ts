import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import type { Hubro } from '../../server/hubro';
import { databaseTargets } from '../support/databases';
import { startTestNode } from '../support/hubro';
import { makeRoom, makeUser, opusParameters, RoomClient, transport } from '../support/room-client';

describe('a mediasoup worker dies under a live room', () => {
  let database: DatabaseHandle;
  let node: Hubro;
  const clients: RoomClient[] = [];

  beforeAll(async () => {
    database = await databaseTargets()[0]!.open();
    node = await startTestNode(database, { MEDIASOUP_WORKERS: '2' });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await node?.stop();
    await database?.close();
  });

  it('rebuilds the room on a live worker, tells its clients, and they rejoin', async () => {
    const [kari, ola] = [await makeUser(database.db, 'Kari'), await makeUser(database.db, 'Ola')];
    const row = await makeRoom(database.db, kari.id);
    const a = await RoomClient.connect(node.url, kari.id);
    const b = await RoomClient.connect(node.url, ola.id);
    clients.push(a, b);
    const joinA = await a.joinRoom(row.slug);
    await b.joinRoom(row.slug);
    const send = await transport(a, 'send');
    await a.ok('producer:create', { transportId: send, kind: 'audio', source: 'mic', rtpParameters: opusParameters() });

    const room = node.rooms.get(row.id)!;
    const deadIndex = room.workerIndex;
    const oldRouter = room.router;
    const pid = node.pool.status()[deadIndex]!.pid!;
    process.kill(pid, 'SIGKILL');

    await a.waitFor('room:reset', (r) => r.reason === 'worker_died');
    await b.waitFor('room:reset');
    expect(oldRouter.closed).toBe(true);
    expect(room.router.closed).toBe(false);
    expect(node.rooms.get(row.id)).toBe(room);
    expect(room.peers.size).toBe(2);

    // The clients rejoin with their peer keys and set up media again on the new router.
    const again = await a.joinRoom(row.slug);
    expect(again).toMatchObject({ resumed: true, self: { id: joinA.self.id, media: { mic: 'off' } } });
    await b.joinRoom(row.slug);
    const send2 = await transport(a, 'send');
    const mic = await a.ok('producer:create', { transportId: send2, kind: 'audio', source: 'mic', rtpParameters: opusParameters() });
    await transport(b, 'recv');
    await b.ok('room:ready', { rtpCapabilities: again.routerRtpCapabilities });
    await b.waitFor('consumer:created', (c) => c.producerId === mic.producerId);
    // The dead worker was replaced as well.
    await expect.poll(() => node.pool.status()[deadIndex]!.alive, { timeout: 10_000 }).toBe(true);
    expect(node.pool.status()[deadIndex]!.pid).not.toBe(pid);
  });
});
