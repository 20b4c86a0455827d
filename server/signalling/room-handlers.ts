import { z } from 'zod';
import type { Database } from '../../db/client';
import type { Logger } from '../logger';
import { admit, findRoomBySlug } from '../rooms/rooms';
import type { Peer } from '../sfu/peer';
import type { Room } from '../sfu/room';
import type { RoomManager } from '../sfu/room-manager';
import type { JoinResult, JoinWaiting } from './contract';
import { SignallingError } from './errors';
import type { HandlerFactory, SignallingSocket } from './io';

// Shapes that reach mediasoup are checked here for size and structure; mediasoup then
// validates their contents and refuses what it cannot use (as media_rejected).
const id = z.string().uuid();
const jsonObject = z.record(z.string(), z.unknown());
const rtpParameters = z
  .object({
    codecs: z.array(jsonObject).min(1).max(10),
    encodings: z.array(jsonObject).max(10).optional(),
    headerExtensions: z.array(jsonObject).max(20).optional(),
    rtcp: jsonObject.optional(),
    mid: z.string().max(32).optional(),
  })
  .passthrough();
const rtpCapabilities = z
  .object({
    codecs: z.array(jsonObject).max(100).optional(),
    headerExtensions: z.array(jsonObject).max(100).optional(),
  })
  .passthrough();
const dtlsParameters = z
  .object({
    role: z.enum(['auto', 'client', 'server']).optional(),
    fingerprints: z.array(z.object({ algorithm: z.string().max(20), value: z.string().max(200) })).min(1).max(10),
  })
  .passthrough();

const schemas = {
  join: z.object({
    room: z.string().min(1).max(40),
    peerKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    displayName: z.string().trim().min(1).max(80).optional(),
    invite: z.string().max(200).optional(),
    keepTransports: z.array(id).max(4).optional(),
    classroom: z.boolean().optional(),
  }),
  peerId: z.object({ peerId: id }),
  spotlight: z.object({ peerId: id.nullable() }),
  lobbyEntry: z.object({ id }),
  controls: z
    .object({ locked: z.boolean().optional(), lobby: z.boolean().optional(), screenShare: z.boolean().optional() })
    .strict()
    .refine((change) => Object.keys(change).length > 0, 'nothing to change'),
  empty: z.object({}).strict(),
  ready: z.object({ rtpCapabilities }),
  transportCreate: z.object({ direction: z.enum(['send', 'recv']) }),
  transportConnect: z.object({ transportId: id, dtlsParameters }),
  transportId: z.object({ transportId: id }),
  produce: z.object({
    transportId: id,
    kind: z.enum(['audio', 'video']),
    source: z.enum(['mic', 'camera', 'screen', 'screen-audio']),
    rtpParameters,
    /** Start muted (a muted mic re-sent after a reconnect). */
    paused: z.boolean().optional(),
  }),
  producerId: z.object({ producerId: id }),
  consumerId: z.object({ consumerId: id }),
  preferences: z.object({
    tiles: z
      .array(
        z.object({
          consumerId: id,
          visible: z.boolean(),
          width: z.number().min(0).max(10_000),
          height: z.number().min(0).max(10_000),
        }),
      )
      .max(100),
  }),
  chat: z.object({ text: z.string().trim().min(1).max(2000) }),
  hand: z.object({ raised: z.boolean() }),
};

export interface RoomHandlerDeps {
  db: Database;
  logger: Logger;
  authSecret: string;
  rooms: RoomManager;
  reconnectGraceMs: number;
}

/**
 * The meeting-room requests of one socket. The room and the peer come from socket.data (set
 * by room:join), never from a payload, and every id in a payload must belong to that peer.
 */
export function registerRoomHandlers(socket: SignallingSocket, on: HandlerFactory, deps: RoomHandlerDeps, graceTimers: Map<string, NodeJS.Timeout>) {
  const { rooms } = deps;

  /** The room and peer this socket speaks for, or not_joined. */
  const current = (): { room: Room; peer: Peer } => {
    const room = socket.data.roomId ? rooms.get(socket.data.roomId) : undefined;
    const peer = room && socket.data.peerId ? room.peers.get(socket.data.peerId) : undefined;
    if (!room || !peer || peer.socketId !== socket.id) throw new SignallingError('not_joined');
    return { room, peer };
  };

  const leaveCurrent = async () => {
    const roomId = socket.data.roomId;
    const peerId = socket.data.peerId;
    socket.data.roomId = undefined;
    socket.data.peerId = undefined;
    if (!roomId || !peerId) return;
    await socket.leave(`room:${roomId}`);
    const room = rooms.get(roomId);
    const peer = room?.peers.get(peerId);
    if (room && peer && peer.socketId === socket.id) {
      clearTimeout(graceTimers.get(peer.id));
      graceTimers.delete(peer.id);
      room.removePeer(peer);
    }
  };

  socket.on(
    'room:join',
    on(schemas.join, async (input): Promise<JoinResult | JoinWaiting> => {
      const user = socket.data.user;
      const guest = socket.data.guest;
      const row = await findRoomBySlug(deps.db, input.room);
      if (!row) throw new SignallingError('not_found');
      if (guest) {
        // A guest pass opens its own room and no other.
        if (guest.roomId !== row.id) throw new SignallingError('forbidden');
      } else {
        const admission = await admit(deps.db, deps.authSecret, row, user, input.invite);
        if (!admission.ok) throw new SignallingError(admission.code);
      }
      const key = `${user.id}:${input.peerKey}`;
      // One peer per socket: joining another room, or as another tab identity, leaves the first.
      const previous = socket.data.roomId ? rooms.get(socket.data.roomId)?.peers.get(socket.data.peerId ?? '') : undefined;
      if (socket.data.roomId && (socket.data.roomId !== row.id || previous?.key !== key)) await leaveCurrent();
      leaveLobby();
      const info = {
        id: row.id,
        slug: row.slug,
        title: row.title,
        capacity: row.capacity,
        kind: row.kind,
        eventId: row.eventId,
        lobby: row.lobby,
      };
      const name = input.displayName ?? user.name;
      // The room's owner (a lesson's teacher) and staff run the room; a webcast's backstage is
      // run from the event's control room instead.
      const isHost = !guest && row.kind !== 'backstage' && (row.ownerId === user.id || user.role === 'admin' || user.role === 'moderator');
      return rooms.withRoom(info, async (room) => {
        const existing = room.peerByKey(key);
        let peer: Peer;
        let kept: string[] = [];
        if (!existing && room.gate(key, user.id, isHost) === 'wait') {
          room.enqueue({ key, userId: user.id, socketId: socket.id, name, guest: Boolean(guest) });
          socket.data.waiting = { roomId: room.id, entryId: key };
          return { waiting: true, room: { id: row.id, slug: row.slug, title: row.title, kind: row.kind } };
        }
        if (existing) {
          clearTimeout(graceTimers.get(existing.id));
          graceTimers.delete(existing.id);
          const previousSocket = existing.socketId;
          kept = room.resume(existing, socket.id, input.keepTransports ?? [], name);
          peer = existing;
          // The old socket of this tab, if it is somehow still connected, no longer speaks for it.
          if (previousSocket !== socket.id) socket.nsp.sockets.get(previousSocket)?.disconnect(true);
          if (peer.rtpCapabilities && [...peer.transports.values()].some((t) => t.appData.direction === 'recv')) {
            // Consumers made while the socket was gone never reached the browser: make them again
            // once the join has been answered.
            setImmediate(() => void resumeConsumers(room, peer));
          }
        } else {
          peer = room.addPeer(key, user.id, name, socket.id, {
            role: isHost ? 'host' : 'participant',
            classroom: input.classroom ?? false,
            guest: Boolean(guest),
          });
        }
        await socket.join(`room:${room.id}`);
        socket.data.roomId = room.id;
        socket.data.peerId = peer.id;
        return {
          room: { id: info.id, slug: info.slug, title: info.title, capacity: info.capacity, kind: info.kind },
          controls: room.controls(),
          lobby: peer.isHost ? room.lobbyEntries() : [],
          self: peer.view(),
          peers: [...room.peers.values()].filter((p) => p !== peer).map((p) => p.view()),
          chat: [...room.chat],
          activeSpeaker: room.activeSpeaker,
          routerRtpCapabilities: room.router.rtpCapabilities,
          keptTransports: kept,
          resumed: Boolean(existing),
        };
      });
    }),
  );

  /** This socket stops waiting in a lobby (it joined, went elsewhere, or disconnected). */
  function leaveLobby() {
    const waiting = socket.data.waiting;
    if (!waiting) return;
    socket.data.waiting = undefined;
    rooms.get(waiting.roomId)?.leaveLobby(socket.id);
  }

  const resumeConsumers = async (room: Room, peer: Peer) => {
    try {
      for (const consumer of [...peer.consumers.values()]) consumer.close();
      if (peer.rtpCapabilities) await room.ready(peer, peer.rtpCapabilities);
    } catch (error) {
      deps.logger.warn({ err: error, peer: peer.id }, 'could not re-create consumers after a reconnect');
    }
  };

  socket.on(
    'room:ready',
    on(schemas.ready, async ({ rtpCapabilities }) => {
      const { room, peer } = current();
      return { consumers: await room.ready(peer, rtpCapabilities as never) };
    }),
  );

  socket.on(
    'room:leave',
    on(schemas.empty, async () => {
      await leaveCurrent();
      return null;
    }),
  );

  socket.on(
    'transport:create',
    on(schemas.transportCreate, async ({ direction }) => {
      if (socket.data.viewer && !socket.data.roomId) {
        deps.logger.warn({ user: socket.data.user.id, event: socket.data.viewer.eventId }, 'audience asked for a transport; refused');
        throw new SignallingError('forbidden');
      }
      const { room, peer } = current();
      return room.createTransport(peer, direction);
    }),
  );

  socket.on(
    'transport:connect',
    on(schemas.transportConnect, async ({ transportId, dtlsParameters }) => {
      const { room, peer } = current();
      await room.connectTransport(peer, transportId, dtlsParameters as never);
      return null;
    }),
  );

  socket.on(
    'transport:restart-ice',
    on(schemas.transportId, async ({ transportId }) => {
      const { room, peer } = current();
      return room.restartIce(peer, transportId);
    }),
  );

  socket.on(
    'producer:create',
    on(schemas.produce, async (input) => {
      if (socket.data.viewer && !socket.data.roomId) {
        // An audience member trying to publish: refused here, not just hidden in the UI.
        deps.logger.warn({ user: socket.data.user.id, event: socket.data.viewer.eventId }, 'audience tried to produce; refused');
        throw new SignallingError('forbidden');
      }
      const { room, peer } = current();
      return { producerId: await room.produce(peer, { ...input, rtpParameters: input.rtpParameters as never }) };
    }),
  );

  socket.on(
    'producer:pause',
    on(schemas.producerId, async ({ producerId }) => {
      const { room, peer } = current();
      await room.setProducerPaused(peer, producerId, true);
      return null;
    }),
  );

  socket.on(
    'producer:resume',
    on(schemas.producerId, async ({ producerId }) => {
      const { room, peer } = current();
      await room.setProducerPaused(peer, producerId, false);
      return null;
    }),
  );

  socket.on(
    'producer:close',
    on(schemas.producerId, async ({ producerId }) => {
      const { room, peer } = current();
      room.closeProducer(peer, producerId);
      return null;
    }),
  );

  socket.on(
    'consumer:resume',
    on(
      schemas.consumerId,
      async ({ consumerId }) => {
        const { room, peer } = current();
        await room.resumeConsumer(peer, consumerId);
        return null;
      },
      { budgets: ['media'] },
    ),
  );

  socket.on(
    'consumer:preferences',
    on(
      schemas.preferences,
      async ({ tiles }) => {
        const { room, peer } = current();
        await room.setPreferences(peer, tiles);
        return null;
      },
      { budgets: ['media'] },
    ),
  );

  socket.on(
    'chat:send',
    on(
      schemas.chat,
      async ({ text }) => {
        const { room, peer } = current();
        return room.postChat(peer, text);
      },
      { budgets: ['events', 'chat'] },
    ),
  );

  socket.on(
    'hand:set',
    on(schemas.hand, async ({ raised }) => {
      const { room, peer } = current();
      room.setHand(peer, raised);
      return null;
    }),
  );

  socket.on(
    'hand:lower',
    on(schemas.peerId, async ({ peerId }) => {
      const { room, peer } = current();
      room.lowerHand(peer, peerId);
      return null;
    }),
  );

  socket.on(
    'hand:next',
    on(schemas.empty, async () => {
      const { room, peer } = current();
      return { peerId: room.nextHand(peer)?.id ?? null };
    }),
  );

  // Host controls. Room checks the role of the acting peer (from socket.data) for each.
  socket.on(
    'host:mute',
    on(schemas.peerId, async ({ peerId }) => {
      const { room, peer } = current();
      await room.hostMute(peer, peerId);
      return null;
    }),
  );

  socket.on(
    'host:mute-all',
    on(schemas.empty, async () => {
      const { room, peer } = current();
      return { muted: await room.muteAll(peer) };
    }),
  );

  socket.on(
    'host:ask-unmute',
    on(schemas.peerId, async ({ peerId }) => {
      const { room, peer } = current();
      room.askUnmute(peer, peerId);
      return null;
    }),
  );

  socket.on(
    'host:stop-camera',
    on(schemas.peerId, async ({ peerId }) => {
      const { room, peer } = current();
      room.stopCamera(peer, peerId);
      return null;
    }),
  );

  socket.on(
    'host:spotlight',
    on(schemas.spotlight, async ({ peerId }) => {
      const { room, peer } = current();
      room.setSpotlight(peer, peerId);
      return null;
    }),
  );

  socket.on(
    'host:remove',
    on(schemas.peerId, async ({ peerId }) => {
      const { room, peer } = current();
      const removed = room.removeByHost(peer, peerId);
      const target = socket.nsp.sockets.get(removed.socketId);
      if (target) {
        target.data.roomId = undefined;
        target.data.peerId = undefined;
        await target.leave(`room:${room.id}`);
      }
      deps.logger.info({ room: room.id, host: peer.userId, removed: removed.userId }, 'host removed a participant');
      return null;
    }),
  );

  socket.on(
    'host:controls',
    on(schemas.controls, async (change) => {
      const { room, peer } = current();
      return room.setControls(peer, change);
    }),
  );

  socket.on(
    'lobby:admit',
    on(schemas.lobbyEntry, async ({ id: entryId }) => {
      const { room, peer } = current();
      room.admit(peer, entryId);
      return null;
    }),
  );

  socket.on(
    'lobby:deny',
    on(schemas.lobbyEntry, async ({ id: entryId }) => {
      const { room, peer } = current();
      room.deny(peer, entryId);
      return null;
    }),
  );

  socket.on('disconnect', () => {
    leaveLobby();
    const room = socket.data.roomId ? rooms.get(socket.data.roomId) : undefined;
    const peer = room && socket.data.peerId ? room.peers.get(socket.data.peerId) : undefined;
    // A peer whose tab reconnected already speaks through another socket.
    if (!room || !peer || peer.socketId !== socket.id) return;
    room.markDisconnected(peer);
    const timer = setTimeout(() => {
      graceTimers.delete(peer.id);
      if (peer.socketId === socket.id && peer.disconnectedAt !== null) room.removePeer(peer);
    }, deps.reconnectGraceMs);
    timer.unref();
    graceTimers.set(peer.id, timer);
  });
}
