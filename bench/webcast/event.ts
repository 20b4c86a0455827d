import { eq } from 'drizzle-orm';
import { rooms } from '../../db/schema';
import { setUserRole } from '../../server/accounts/users';
import { createEvent, setPerformers, transitionEvent } from '../../server/events/events';
import type { Hubro } from '../../server/hubro';
import { getRuntime } from '../../server/runtime';
import type { Room } from '../../server/sfu/room';
import type { Webcast } from '../../server/sfu/webcast';
import { makeUser, RoomClient } from '../../tests/support/room-client';
import { startBenchNode } from '../sfu/run';

/**
 * A Hubro node with one webcast event: a host, one performer named on it, a member who
 * watches. The event is still scheduled: the performer goes on stage (joins the backstage
 * room) first, then `goLive()`.
 */
export async function startEventNode(workers: number, rtcPorts: readonly [number, number]) {
  const { node, db } = await startBenchNode(workers, rtcPorts);
  const host = await makeUser(db, 'Vert');
  await setUserRole(db, host.id, 'host');
  const actor = { id: host.id, role: 'host' as const };
  const performer = await makeUser(db, 'Utøver');
  const viewer = await makeUser(db, 'Seer');
  const start = Math.ceil(Date.now() / 1000) * 1000 + 3_600_000;
  const event = await createEvent(
    db,
    actor,
    {
      title: 'Benkekonsert',
      descriptionNb: 'Lasttest av sendingen',
      descriptionEn: 'A load test of the broadcast',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 2 * 3_600_000).toISOString(),
    },
    false,
  );
  await setPerformers(db, actor, event.id, { handles: [performer.handle] });
  const [backstage] = await db.select().from(rooms).where(eq(rooms.eventId, event.id));
  if (!backstage) throw new Error('the event has no backstage room');

  /**
   * Live, as the host's "go live" does (the events API, then the registry), and one member's
   * webcast:join and webcast:leave over Socket.IO, which makes the event's Webcast (the
   * registry makes it on the first join). Returns the stage (the backstage Room) and the Webcast.
   */
  const goLive = async (): Promise<{ stage: Room; webcast: Webcast }> => {
    const { event: live } = await transitionEvent(db, actor, event.id, 'live');
    await node.webcasts.statusChanged(live);
    const client = await RoomClient.connect(node.url, viewer.id);
    try {
      const joined = await client.ok('webcast:join', { event: event.slug, rtpCapabilities: getRuntime().routerCapabilities });
      if (joined.status !== 'live' || !joined.transport) throw new Error(`the event is not live for viewers (${joined.status})`);
      await client.ok('webcast:leave', {});
    } finally {
      client.close();
    }
    const stage = node.rooms.get(backstage.id);
    const webcast = node.webcasts.live.get(event.id)?.webcast;
    if (!stage || !webcast) throw new Error('no stage room or Webcast after the first join');
    return { stage, webcast };
  };

  return { node, event, backstage, users: { host, performer, viewer }, goLive, stop: (): Promise<void> => (node as Hubro).stop() };
}
