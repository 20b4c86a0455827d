import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Namespace, Server } from 'socket.io';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { eventPerformers, events, rooms, type Event } from '../../db/schema';
import { eventBySlug } from '../events/events';
import type { Logger } from '../logger';
import type { RoomManager } from '../sfu/room-manager';
import type { TransportSettings } from '../sfu/room';
import { Recorder } from '../sfu/recorder';
import { Webcast, type Viewer } from '../sfu/webcast';
import type { WorkerPool } from '../sfu/worker-pool';
import type { SharedStore } from '../store/shared-store';
import { WEBCAST_EMOJI, type WebcastChatMessage, type WebcastJoinResult } from './contract';
import { SignallingError } from './errors';
import type { HandlerFactory, SignallingSocket } from './io';

const CHAT_HISTORY = 200;
const ANONYMOUS_JOINS = { limit: 20, windowMs: 60_000 };

export const webcastRoom = (eventId: string) => `webcast:${eventId}`;

interface LiveEvent {
  event: Event;
  webcast: Webcast | null;
  recorder: Recorder | null;
  /** Set while a recording waits for the stage to send something. */
  recordWhenReady: boolean;
  release: (() => void) | null;
  chat: WebcastChatMessage[];
  mutedViewers: Set<string>;
  pinnedPeerId: string | null;
  viewerTimer: NodeJS.Timeout | null;
}

export interface WebcastDeps {
  io: Server;
  publicNamespace: Namespace;
  db: Database;
  store: SharedStore;
  rooms: RoomManager;
  pool: WorkerPool;
  transport: TransportSettings;
  logger: Logger;
  spreadThreshold?: number;
  /** Where recordings go, and ffmpeg when it is installed. */
  recording: { dir: string; ffmpeg: string | undefined };
}

/**
 * The live side of webcast events on this node: one Webcast (audience fan-out) per live event,
 * its chat of the session, muted viewers and pinned performer. Status changes come from the
 * events API (after commit) through `statusChanged`.
 */
export class WebcastRegistry {
  readonly live = new Map<string, LiveEvent>();

  constructor(private readonly deps: WebcastDeps) {}

  /** Both namespaces: a payload to everyone watching the event. */
  broadcast(eventId: string, event: string, payload: unknown) {
    this.deps.io.to(webcastRoom(eventId)).emit(event as never, payload as never);
    this.deps.publicNamespace.to(webcastRoom(eventId)).emit(event, payload);
  }

  #toSocket(socketId: string, event: string, payload: unknown) {
    this.deps.io.to(socketId).emit(event as never, payload as never);
    this.deps.publicNamespace.to(socketId).emit(event, payload);
  }

  async #entry(event: Event): Promise<LiveEvent> {
    let entry = this.live.get(event.id);
    if (!entry) {
      entry = {
        event,
        webcast: null,
        recorder: null,
        recordWhenReady: false,
        release: null,
        chat: [],
        mutedViewers: new Set(),
        pinnedPeerId: null,
        viewerTimer: null,
      };
      this.live.set(event.id, entry);
    }
    entry.event = event;
    return entry;
  }

  /** The Webcast of a live event, with its stage (the backstage room) held open. */
  async #webcast(entry: LiveEvent): Promise<Webcast> {
    if (entry.webcast && !entry.webcast.closed) return entry.webcast;
    const [backstage] = await this.deps.db
      .select()
      .from(rooms)
      .where(and(eq(rooms.eventId, entry.event.id), eq(rooms.kind, 'backstage')))
      .limit(1);
    if (!backstage) throw new SignallingError('not_found');
    const info = { id: backstage.id, slug: backstage.slug, title: backstage.title, capacity: backstage.capacity, kind: 'backstage' as const, eventId: entry.event.id };
    const stage = await this.deps.rooms.withRoom(info, (room) => room);
    entry.release = stage.hold();
    const webcast = new Webcast({
      stage,
      pool: this.deps.pool,
      transport: this.deps.transport,
      logger: this.deps.logger,
      spreadThreshold: this.deps.spreadThreshold,
      notifier: { toViewer: (viewer, name, payload) => this.#toSocket(viewer.socketId, name, payload) },
    });
    webcast.on('viewers', () => this.#scheduleViewerCount(entry));
    stage.on('producerclose', () => this.#broadcastStage(entry));
    stage.on('producer', () => {
      this.#broadcastStage(entry);
      if (entry.recordWhenReady) void this.#startRecording(entry);
    });
    entry.webcast = webcast;
    return webcast;
  }

  #stage(entry: LiveEvent) {
    const webcast = entry.webcast;
    if (!webcast) return [];
    const seen = new Map<string, string>();
    for (const producer of webcast.stageProducers()) {
      const peerId = String(producer.appData.peerId);
      for (const [, room] of this.deps.rooms.rooms) {
        const peer = room.peers.get(peerId);
        if (peer) seen.set(peerId, peer.name);
      }
    }
    return [...seen].map(([peerId, name]) => ({ peerId, name }));
  }

  #broadcastStage(entry: LiveEvent) {
    this.broadcast(entry.event.id, 'webcast:stage', { stage: this.#stage(entry) });
  }

  /** Viewer counts at most once a second, so a rush of joins is one message. */
  #scheduleViewerCount(entry: LiveEvent) {
    if (entry.viewerTimer) return;
    entry.viewerTimer = setTimeout(() => {
      entry.viewerTimer = null;
      this.broadcast(entry.event.id, 'webcast:viewers', { count: entry.webcast?.viewers.size ?? 0 });
    }, 1000);
    entry.viewerTimer.unref();
  }

  viewerCounts(eventId: string): { current: number; peak: number } {
    const webcast = this.live.get(eventId)?.webcast;
    return { current: webcast?.viewers.size ?? 0, peak: webcast?.peakViewers ?? 0 };
  }

  /**
   * Records the stage (the pinned performer's camera, or the first one, and the first mic)
   * once it sends something. Only with ffmpeg installed and recording chosen for the event.
   */
  async #startRecording(entry: LiveEvent) {
    const ffmpeg = this.deps.recording.ffmpeg;
    if (!ffmpeg || !entry.event.recordingEnabled || entry.recorder || !entry.webcast) return;
    const producers = entry.webcast.stageProducers();
    const video =
      producers.find((p) => p.kind === 'video' && p.appData.source === 'camera' && p.appData.peerId === entry.pinnedPeerId) ??
      producers.find((p) => p.kind === 'video' && p.appData.source === 'camera');
    const audio = producers.find((p) => p.kind === 'audio' && p.appData.source === 'mic');
    if (!video || !audio) {
      entry.recordWhenReady = true;
      return;
    }
    entry.recordWhenReady = false;
    const file = `${entry.event.slug}-${Date.now()}.webm`;
    try {
      entry.recorder = await Recorder.start({
        router: entry.webcast.stageRouter,
        audio,
        video,
        file: path.join(this.deps.recording.dir, file),
        ffmpeg,
        logger: this.deps.logger,
      });
    } catch (error) {
      this.deps.logger.error({ err: error, event: entry.event.id }, 'recording could not start');
    }
  }

  /** After the events API committed a status change. */
  async statusChanged(event: Event) {
    const entry = await this.#entry(event);
    this.broadcast(event.id, 'webcast:status', { status: event.status });
    if (event.status === 'live' && event.recordingEnabled) {
      await this.#webcast(entry);
      await this.#startRecording(entry);
    }
    if (event.status === 'ended' || event.status === 'canceled') {
      if (entry.recorder) {
        await entry.recorder.stop();
        await this.deps.db.update(events).set({ recordingFile: path.basename(entry.recorder.file) }).where(eq(events.id, event.id));
      }
      entry.webcast?.close();
      entry.release?.();
      if (entry.viewerTimer) clearTimeout(entry.viewerTimer);
      this.live.delete(event.id);
    }
  }

  async join(
    socket: { id: string; join(room: string): unknown },
    actor: { id: string; name: string; role: string } | null,
    input: z.output<typeof schemas.join>,
    clientIp: string,
  ): Promise<{ result: WebcastJoinResult; viewer: Viewer | null }> {
    const row = await eventBySlug(this.deps.db, input.event, actor ? { id: actor.id, role: actor.role as never } : null);
    if (!row) throw new SignallingError(actor ? 'not_found' : 'unauthorized');
    const event = row.event;
    if (event.status === 'ended' || event.status === 'canceled') throw new SignallingError('event_final');
    if (!actor) {
      // Anonymous viewers: public and unlisted (by link) events, with a nickname, a few joins a
      // minute per address. Members-only events need a sign-in.
      if (event.visibility === 'members') throw new SignallingError('unauthorized');
      if (!input.nickname) throw new SignallingError('bad_request');
      const { count } = await this.deps.store.hit(`webcast-join:${clientIp}`, ANONYMOUS_JOINS.windowMs);
      if (count > ANONYMOUS_JOINS.limit) throw new SignallingError('rate_limited');
    }
    const entry = await this.#entry(event);
    await socket.join(webcastRoom(event.id));
    const base = {
      status: event.status,
      chat: [...entry.chat],
      pinnedPeerId: entry.pinnedPeerId,
    };
    if (event.status !== 'live') {
      return {
        result: { viewerId: randomUUID(), ...base, transport: null, consumers: [], viewers: entry.webcast?.viewers.size ?? 0, stage: [] },
        viewer: null,
      };
    }
    const webcast = await this.#webcast(entry);
    const { viewer, transport, consumers } = await webcast.join({
      socketId: socket.id,
      userId: actor?.id ?? null,
      nickname: actor?.name ?? input.nickname!,
      rtpCapabilities: input.rtpCapabilities as never,
      audioOnly: input.audioOnly ?? false,
    });
    if (entry.mutedViewers.has(actor?.id ?? '')) viewer.chatMuted = true;
    return {
      result: { viewerId: viewer.id, ...base, transport, consumers, viewers: webcast.viewers.size, stage: this.#stage(entry) },
      viewer,
    };
  }

  viewer(eventId: string, viewerId: string): { entry: LiveEvent; viewer: Viewer } | undefined {
    const entry = this.live.get(eventId);
    const viewer = entry?.webcast?.viewers.get(viewerId);
    return entry && viewer ? { entry, viewer } : undefined;
  }

  leave(eventId: string, viewerId: string) {
    const found = this.viewer(eventId, viewerId);
    if (found) found.entry.webcast!.leave(found.viewer);
  }

  postChat(eventId: string, author: { name: string; anonymous: boolean; viewer?: Viewer }, text: string): WebcastChatMessage {
    const entry = this.live.get(eventId);
    if (!entry) throw new SignallingError('not_joined');
    if (author.viewer?.chatMuted) throw new SignallingError('forbidden');
    const message: WebcastChatMessage = {
      id: randomUUID(),
      ...(author.viewer ? { viewerId: author.viewer.id } : {}),
      name: author.name,
      text,
      at: new Date().toISOString(),
      anonymous: author.anonymous,
    };
    entry.chat.push(message);
    if (entry.chat.length > CHAT_HISTORY) entry.chat.splice(0, entry.chat.length - CHAT_HISTORY);
    this.broadcast(eventId, 'webcast:chat-posted', message);
    return message;
  }

  hideMessage(eventId: string, messageId: string) {
    const entry = this.live.get(eventId);
    const index = entry?.chat.findIndex((m) => m.id === messageId) ?? -1;
    if (!entry || index < 0) throw new SignallingError('not_found');
    entry.chat.splice(index, 1);
    this.broadcast(eventId, 'webcast:chat-hidden', { messageId });
  }

  muteViewer(eventId: string, viewerId: string) {
    const found = this.viewer(eventId, viewerId);
    if (!found) throw new SignallingError('not_found');
    found.viewer.chatMuted = true;
    if (found.viewer.userId) found.entry.mutedViewers.add(found.viewer.userId);
    this.#toSocket(found.viewer.socketId, 'webcast:chat-muted', {});
  }

  pin(eventId: string, peerId: string | null) {
    const entry = this.live.get(eventId);
    if (!entry) throw new SignallingError('not_joined');
    entry.pinnedPeerId = peerId;
    this.broadcast(eventId, 'webcast:pinned', { peerId });
  }

  close() {
    for (const entry of this.live.values()) {
      void entry.recorder?.stop();
      entry.webcast?.close();
      entry.release?.();
      if (entry.viewerTimer) clearTimeout(entry.viewerTimer);
    }
    this.live.clear();
  }
}

const schemas = {
  join: z.object({
    event: z.string().min(3).max(80),
    rtpCapabilities: z
      .object({ codecs: z.array(z.record(z.string(), z.unknown())).max(100).optional(), headerExtensions: z.array(z.record(z.string(), z.unknown())).max(100).optional() })
      .passthrough(),
    nickname: z.string().trim().min(2).max(40).optional(),
    audioOnly: z.boolean().optional(),
  }),
  connect: z.object({
    dtlsParameters: z
      .object({ role: z.enum(['auto', 'client', 'server']).optional(), fingerprints: z.array(z.object({ algorithm: z.string().max(20), value: z.string().max(200) })).min(1).max(10) })
      .passthrough(),
  }),
  resume: z.object({ consumerIds: z.array(z.string().uuid()).max(20) }),
  quality: z.object({ audioOnly: z.boolean(), width: z.number().min(0).max(10_000).optional(), height: z.number().min(0).max(10_000).optional() }),
  chat: z.object({ text: z.string().trim().min(1).max(500) }),
  react: z.object({ emoji: z.enum(WEBCAST_EMOJI) }),
  empty: z.object({}).strict(),
  messageId: z.object({ messageId: z.string().uuid() }),
  viewerId: z.object({ viewerId: z.string().uuid() }),
  pin: z.object({ peerId: z.string().uuid().nullable() }),
  peerId: z.object({ peerId: z.string().uuid() }),
};

type AudienceSocket = SignallingSocket | (Parameters<Parameters<Namespace['on']>[1]>[0] & { data: Partial<SignallingSocket['data']> });

/**
 * Audience requests, on the main namespace (members) and on `/public` (anonymous viewers of
 * public events). Viewers never produce: any produce attempt is refused as forbidden and logged.
 */
export function registerWebcastHandlers(socket: AudienceSocket, on: HandlerFactory, registry: WebcastRegistry, deps: { db: Database; logger: Logger; rooms: RoomManager }) {
  const s = socket as SignallingSocket;
  const actor = () => (s.data.user ? { id: s.data.user.id, name: s.data.user.name, role: s.data.user.role } : null);
  const viewing = () => {
    const v = s.data.viewer;
    const found = v && registry.viewer(v.eventId, v.viewerId);
    if (!v || !found) throw new SignallingError('not_joined');
    return { ...found, eventId: v.eventId };
  };
  const requireEventHost = async (eventId: string) => {
    const user = s.data.user;
    if (!user) throw new SignallingError('forbidden');
    const [event] = await deps.db.select().from(events).where(eq(events.id, eventId)).limit(1);
    if (!event || (event.hostId !== user.id && user.role !== 'admin')) throw new SignallingError('forbidden');
    return event;
  };

  s.on(
    'webcast:join',
    on(schemas.join, async (input) => {
      if (s.data.viewer) registry.leave(s.data.viewer.eventId, s.data.viewer.viewerId);
      const ip = String(s.handshake.address ?? 'unknown');
      const { result, viewer } = await registry.join(s, actor(), input, ip);
      const row = await eventBySlug(deps.db, input.event, actor() as never);
      s.data.viewer = { eventId: row!.event.id, viewerId: viewer?.id ?? result.viewerId, nickname: input.nickname };
      return result;
    }),
  );
  s.on(
    'webcast:connect',
    on(schemas.connect, async ({ dtlsParameters }) => {
      const { entry, viewer } = viewing();
      await entry.webcast!.connect(viewer, dtlsParameters as never);
      return null;
    }),
  );
  s.on(
    'webcast:resume',
    on(
      schemas.resume,
      async ({ consumerIds }) => {
        const { entry, viewer } = viewing();
        await entry.webcast!.resume(viewer, consumerIds);
        return null;
      },
      { budgets: ['media'] },
    ),
  );
  s.on(
    'webcast:quality',
    on(
      schemas.quality,
      async (quality) => {
        const { entry, viewer } = viewing();
        await entry.webcast!.setQuality(viewer, quality);
        return null;
      },
      { budgets: ['media'] },
    ),
  );
  s.on(
    'webcast:chat',
    on(
      schemas.chat,
      async ({ text }) => {
        const v = s.data.viewer;
        if (!v) throw new SignallingError('not_joined');
        const found = registry.viewer(v.eventId, v.viewerId);
        const user = s.data.user;
        return registry.postChat(v.eventId, { name: user?.name ?? found?.viewer.nickname ?? v.nickname ?? 'Gjest', anonymous: !user, viewer: found?.viewer }, text);
      },
      { budgets: ['events', 'chat'] },
    ),
  );
  s.on(
    'webcast:react',
    on(
      schemas.react,
      async ({ emoji }) => {
        const v = s.data.viewer;
        if (!v) throw new SignallingError('not_joined');
        registry.broadcast(v.eventId, 'webcast:reaction', { emoji });
        return null;
      },
      { budgets: ['events', 'chat'] },
    ),
  );
  s.on(
    'webcast:leave',
    on(schemas.empty, async () => {
      const v = s.data.viewer;
      if (v) {
        registry.leave(v.eventId, v.viewerId);
        await s.leave(webcastRoom(v.eventId));
      }
      s.data.viewer = undefined;
      return null;
    }),
  );
  s.on('disconnect', () => {
    const v = s.data.viewer;
    if (v) registry.leave(v.eventId, v.viewerId);
  });

  // Host controls: moderation of the audience and of the stage.
  s.on(
    'webcast:hide-message',
    on(schemas.messageId, async ({ messageId }) => {
      const v = s.data.viewer;
      const eventId = v?.eventId ?? hostEventOf(s, deps.rooms);
      if (!eventId) throw new SignallingError('not_joined');
      await requireEventHost(eventId);
      registry.hideMessage(eventId, messageId);
      return null;
    }),
  );
  s.on(
    'webcast:mute-viewer',
    on(schemas.viewerId, async ({ viewerId }) => {
      const eventId = s.data.viewer?.eventId ?? hostEventOf(s, deps.rooms);
      if (!eventId) throw new SignallingError('not_joined');
      await requireEventHost(eventId);
      registry.muteViewer(eventId, viewerId);
      return null;
    }),
  );
  s.on(
    'webcast:pin',
    on(schemas.pin, async ({ peerId }) => {
      const eventId = hostEventOf(s, deps.rooms) ?? s.data.viewer?.eventId;
      if (!eventId) throw new SignallingError('not_joined');
      await requireEventHost(eventId);
      registry.pin(eventId, peerId);
      return null;
    }),
  );
  s.on(
    'stage:mute',
    on(schemas.peerId, async ({ peerId }) => {
      const { room } = stageOf(s, deps.rooms);
      await requireEventHost(room.info.eventId!);
      const peer = room.peers.get(peerId);
      if (!peer) throw new SignallingError('not_found');
      await room.forceMute(peer);
      return null;
    }),
  );
  s.on(
    'stage:remove',
    on(schemas.peerId, async ({ peerId }) => {
      const { room } = stageOf(s, deps.rooms);
      await requireEventHost(room.info.eventId!);
      const peer = room.peers.get(peerId);
      if (!peer) throw new SignallingError('not_found');
      const socketId = peer.socketId;
      // Off the stage for good: without the performer row, their rejoin is refused.
      await deps.db.delete(eventPerformers).where(and(eq(eventPerformers.eventId, room.info.eventId!), eq(eventPerformers.userId, peer.userId)));
      room.removePeer(peer);
      s.nsp.sockets.get(socketId)?.disconnect(true);
      return null;
    }),
  );
}

/** The backstage room this socket has joined (for stage controls). */
function stageOf(s: SignallingSocket, rooms: RoomManager) {
  const room = s.data.roomId ? rooms.get(s.data.roomId) : undefined;
  if (!room || room.info.kind !== 'backstage' || !room.info.eventId) throw new SignallingError('not_joined');
  return { room };
}

function hostEventOf(s: SignallingSocket, rooms: RoomManager): string | undefined {
  const room = s.data.roomId ? rooms.get(s.data.roomId) : undefined;
  return room?.info.kind === 'backstage' ? (room.info.eventId ?? undefined) : undefined;
}

/** On `/public`, media requests exist only to be refused: the audience never publishes. */
export function refuseAudienceProduce(socket: { on(event: string, listener: (payload: unknown, ack: unknown) => void): unknown; id: string }, logger: Logger, locale: 'nb' | 'en' = 'nb') {
  for (const event of ['transport:create', 'producer:create', 'room:join']) {
    socket.on(event, (_payload, ack) => {
      logger.warn({ socket: socket.id, event }, 'audience tried to publish; refused');
      if (typeof ack === 'function') ack({ ok: false, error: { code: 'forbidden', message: locale === 'en' ? 'You do not have access to this.' : 'Du har ikke tilgang til dette.' } });
    });
  }
}
