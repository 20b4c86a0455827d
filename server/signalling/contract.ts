/**
 * The typed Socket.IO contract between browser and server. Types only: the browser imports
 * this file too.
 *
 * Requests are `domain:verb` with an ack; server notifications are past tense (`peer:joined`).
 * The acting user comes from `socket.data`, never from a payload; so does the room, once
 * `room:join` has admitted the socket.
 */

export type AckError = { code: SignallingErrorCode; message: string };
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };
export type AckFn<T> = (response: Ack<T>) => void;

export type SignallingErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'room_full'
  | 'invite_invalid'
  | 'not_joined'
  | 'media_rejected'
  | 'event_final'
  | 'room_locked'
  | 'lobby_denied'
  | 'removed'
  | 'screen_share_off'
  | 'guest_pass_invalid'
  | 'guest_pass_expired'
  | 'kiosk_revoked'
  | 'internal';

export interface SocketUser {
  id: string;
  name: string;
  /** `guest`: no account; in one room only, through a guest pass (server/rooms/guest-pass.ts). */
  role: 'member' | 'host' | 'moderator' | 'admin' | 'guest';
  locale: 'nb' | 'en';
}

// ---------------------------------------------------------------------------------------------
// Rooms and media
// ---------------------------------------------------------------------------------------------

/** What a peer sends: its microphone, camera, a shared screen and that screen's audio. */
export type MediaSource = 'mic' | 'camera' | 'screen' | 'screen-audio';
export const MEDIA_SOURCES: readonly MediaSource[] = ['mic', 'camera', 'screen', 'screen-audio'];

/** `off`: no producer; `on`: sending; `muted`: producer paused. */
export type MediaState = 'off' | 'on' | 'muted';

export interface PeerView {
  id: string;
  userId: string;
  name: string;
  handRaised: boolean;
  /** ISO time the peer first joined this session of the room. */
  joinedAt: string;
  media: Record<MediaSource, MediaState>;
  /** True while the peer's socket is gone and it may still come back (reconnect grace). */
  reconnecting: boolean;
  /** `host`: the room's owner (the teacher), or staff; hosts run the room controls. */
  role: 'host' | 'participant';
  /** When the hand went up (ISO), for the queue in order of raising; null when down. */
  handRaisedAt: string | null;
  /** One device whose camera shows a whole class. */
  classroom: boolean;
  /** A guest without an account (an invited school, a studio screen). */
  guest: boolean;
}

/** Host-controlled state of a live room, the same for everyone in it. */
export interface RoomControls {
  /** Nobody new may join (hosts still may). */
  locked: boolean;
  /** Newcomers wait in the lobby until a host admits them. Always on for care calls. */
  lobby: boolean;
  /** Participants may share their screen (hosts always may). */
  screenShare: boolean;
  /** The peer whose camera everyone sees large, chosen by a host. */
  spotlight: string | null;
}

/** Someone waiting in the lobby, as hosts see them. */
export interface LobbyEntry {
  id: string;
  name: string;
  guest: boolean;
  /** ISO time they started waiting. */
  since: string;
}

export interface ChatMessage {
  id: string;
  peerId: string;
  name: string;
  text: string;
  /** ISO time. */
  at: string;
}

/** RTCIceServer as the browser takes it (TURN credentials are time-limited). */
export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export interface TransportOptions {
  id: string;
  iceParameters: unknown;
  iceCandidates: unknown[];
  dtlsParameters: unknown;
  sctpParameters?: unknown;
  iceServers: IceServer[];
}

export interface JoinRequest {
  /** The room's slug from its link. */
  room: string;
  /**
   * A random key the tab keeps for this room (sessionStorage). Joining again with the same key
   * within the reconnect grace replaces the old socket instead of adding a second peer.
   */
  peerKey: string;
  /** Shown to others; defaults to the profile's display name. */
  displayName?: string;
  /** A signed invite token, for invite-only rooms. */
  invite?: string;
  /** Transports this tab still holds from before a reconnect; the server keeps those that are its own. */
  keepTransports?: string[];
  /** This device shows a whole class (a lesson's classroom layout). */
  classroom?: boolean;
}

/** room:join while the lobby is on: wait for `lobby:admitted` (then join again) or `lobby:denied`. */
export interface JoinWaiting {
  waiting: true;
  room: { id: string; slug: string; title: string; kind: string };
}

export interface JoinResult {
  waiting?: false;
  room: { id: string; slug: string; title: string; capacity: number; kind: string };
  controls: RoomControls;
  /** Who waits in the lobby; only hosts get it (empty for others). */
  lobby: LobbyEntry[];
  /** The peer this socket now speaks for (the same as before, after a reconnect). */
  self: PeerView;
  peers: PeerView[];
  /** Messages of the current session, oldest first. */
  chat: ChatMessage[];
  activeSpeaker: string | null;
  routerRtpCapabilities: unknown;
  /** Which of `keepTransports` the server kept (the rest were closed). */
  keptTransports: string[];
  /** True when this join resumed a peer that was reconnecting. */
  resumed: boolean;
}

export interface ConsumerCreated {
  consumerId: string;
  producerId: string;
  peerId: string;
  kind: 'audio' | 'video';
  source: MediaSource;
  rtpParameters: unknown;
  /** `simulcast` when the producer sends layers the server can choose between. */
  type: 'simple' | 'simulcast' | 'svc';
  /** The producer is paused (the sender muted); the consumer stays silent until it resumes. */
  producerPaused: boolean;
}

/** The browser's view of one video tile, for layer choice and "last N". */
export interface TilePreference {
  consumerId: string;
  visible: boolean;
  /** CSS pixels the tile takes on screen. */
  width: number;
  height: number;
}

export interface ClientToServerEvents {
  /** Who the server thinks this socket is. */
  'session:whoami': (payload: Record<string, never>, ack: AckFn<SocketUser>) => void;

  'room:join': (payload: JoinRequest, ack: AckFn<JoinResult | JoinWaiting>) => void;
  /** After the recv transport exists: the device's capabilities; the server starts consumers. */
  'room:ready': (payload: { rtpCapabilities: unknown }, ack: AckFn<{ consumers: number }>) => void;
  'room:leave': (payload: Record<string, never>, ack: AckFn<null>) => void;

  'transport:create': (payload: { direction: 'send' | 'recv' }, ack: AckFn<TransportOptions>) => void;
  'transport:connect': (payload: { transportId: string; dtlsParameters: unknown }, ack: AckFn<null>) => void;
  'transport:restart-ice': (payload: { transportId: string }, ack: AckFn<{ iceParameters: unknown }>) => void;

  'producer:create': (
    payload: { transportId: string; kind: 'audio' | 'video'; source: MediaSource; rtpParameters: unknown; paused?: boolean },
    ack: AckFn<{ producerId: string }>,
  ) => void;
  'producer:pause': (payload: { producerId: string }, ack: AckFn<null>) => void;
  'producer:resume': (payload: { producerId: string }, ack: AckFn<null>) => void;
  'producer:close': (payload: { producerId: string }, ack: AckFn<null>) => void;

  /** The browser has its consumer; the server resumes it (consumers start paused). */
  'consumer:resume': (payload: { consumerId: string }, ack: AckFn<null>) => void;
  'consumer:preferences': (payload: { tiles: TilePreference[] }, ack: AckFn<null>) => void;

  'chat:send': (payload: { text: string }, ack: AckFn<ChatMessage>) => void;
  'hand:set': (payload: { raised: boolean }, ack: AckFn<null>) => void;
  /** A host lowers someone's hand (a participant may lower only their own). */
  'hand:lower': (payload: { peerId: string }, ack: AckFn<null>) => void;
  /** A host takes the next hand in the queue: it is lowered, and its peer is answered. */
  'hand:next': (payload: Record<string, never>, ack: AckFn<{ peerId: string | null }>) => void;
  /** Hosts only; each answers `forbidden` to anyone else, and changes nothing. */
  'host:mute': (payload: { peerId: string }, ack: AckFn<null>) => void;
  'host:mute-all': (payload: Record<string, never>, ack: AckFn<{ muted: number }>) => void;
  'host:ask-unmute': (payload: { peerId: string }, ack: AckFn<null>) => void;
  'host:stop-camera': (payload: { peerId: string }, ack: AckFn<null>) => void;
  'host:spotlight': (payload: { peerId: string | null }, ack: AckFn<null>) => void;
  'host:remove': (payload: { peerId: string }, ack: AckFn<null>) => void;
  'host:controls': (payload: Partial<Pick<RoomControls, 'locked' | 'lobby' | 'screenShare'>>, ack: AckFn<RoomControls>) => void;
  'lobby:admit': (payload: { id: string }, ack: AckFn<null>) => void;
  'lobby:deny': (payload: { id: string }, ack: AckFn<null>) => void;

  /** Watch a webcast (members here; anonymous viewers of public events on `/public`). */
  'webcast:join': (payload: WebcastJoinRequest, ack: AckFn<WebcastJoinResult>) => void;
  'webcast:connect': (payload: { dtlsParameters: unknown }, ack: AckFn<null>) => void;
  'webcast:resume': (payload: { consumerIds: string[] }, ack: AckFn<null>) => void;
  /** Audio only (weak links) stops video on the server; the player size picks the layer. */
  'webcast:quality': (payload: { audioOnly: boolean; width?: number; height?: number }, ack: AckFn<null>) => void;
  'webcast:chat': (payload: { text: string }, ack: AckFn<WebcastChatMessage>) => void;
  'webcast:react': (payload: { emoji: WebcastEmoji }, ack: AckFn<null>) => void;
  'webcast:leave': (payload: Record<string, never>, ack: AckFn<null>) => void;
  /** Hosts: moderate chat, pin the main performer, mute or remove a performer. */
  'webcast:hide-message': (payload: { messageId: string }, ack: AckFn<null>) => void;
  'webcast:mute-viewer': (payload: { viewerId: string }, ack: AckFn<null>) => void;
  'webcast:pin': (payload: { peerId: string | null }, ack: AckFn<null>) => void;
  'stage:mute': (payload: { peerId: string }, ack: AckFn<null>) => void;
  'stage:remove': (payload: { peerId: string }, ack: AckFn<null>) => void;

  /** Live forum updates for one thread or category (the `/public` namespace offers only these). */
  'forum:watch': (payload: ForumWatch, ack: AckFn<ForumWatchState>) => void;
  'forum:unwatch': (payload: ForumWatch, ack: AckFn<null>) => void;
}

export type ForumWatch = { threadId: string } | { categoryId: string };

/**
 * What a watch found once its room was joined: for a thread, how many posts it has; for a
 * category, its latest activity. Anything newer is broadcast to the room, so a page that shows
 * less (a cached page, or one rendered before a post was committed) knows to load it.
 */
export interface ForumWatchState {
  postCount?: number;
  /** For a category: when its latest visible thread last had a post (ISO), or null if none. */
  lastActivity?: string | null;
}

export const WEBCAST_EMOJI = ['👏', '❤️', '🎉', '😂', '😮', '🎻'] as const;
export type WebcastEmoji = (typeof WEBCAST_EMOJI)[number];

export interface WebcastJoinRequest {
  /** The event's slug. */
  event: string;
  /** The device's capabilities (the page loads the device from the event's router capabilities). */
  rtpCapabilities: unknown;
  /** Anonymous viewers of public events say who they are. */
  nickname?: string;
  audioOnly?: boolean;
}

export interface WebcastChatMessage {
  id: string;
  /** The author's viewer id, so a host can mute them from the chat (absent for the stage). */
  viewerId?: string;
  name: string;
  text: string;
  at: string;
  anonymous: boolean;
}

export interface WebcastJoinResult {
  viewerId: string;
  status: 'scheduled' | 'live' | 'ended' | 'canceled';
  /** Media, once the event is live (null while it is scheduled). */
  transport: TransportOptions | null;
  consumers: ConsumerCreated[];
  chat: WebcastChatMessage[];
  viewers: number;
  pinnedPeerId: string | null;
  stage: Array<{ peerId: string; name: string }>;
}

/** A post as a thread page renders it live (the HTML is sanitised on the server). */
export interface ForumLivePost {
  id: string;
  threadId: string;
  number: number;
  authorId: string;
  authorName: string;
  authorHandle: string;
  language: string;
  html: string;
  replyToId: string | null;
  createdAt: string;
  editedAt: string | null;
}

export interface ServerToClientEvents {
  'peer:joined': (peer: PeerView) => void;
  'peer:updated': (peer: PeerView) => void;
  'peer:left': (payload: { peerId: string }) => void;

  'consumer:created': (consumer: ConsumerCreated) => void;
  'consumer:closed': (payload: { consumerId: string }) => void;
  /** The sender paused (muted) or resumed the producer behind this consumer. */
  'consumer:paused': (payload: { consumerId: string }) => void;
  'consumer:resumed': (payload: { consumerId: string }) => void;
  /** mediasoup's 0–10 scores: what this peer receives, and what the sender delivers. */
  'consumer:score': (payload: { consumerId: string; score: number; producerScore: number }) => void;
  'producer:score': (payload: { producerId: string; score: number }) => void;

  'speaker:changed': (payload: { peerId: string | null }) => void;
  'chat:posted': (message: ChatMessage) => void;

  /** A host changed the room's controls (lock, lobby, screen sharing, spotlight). */
  'room:controls': (controls: RoomControls) => void;
  /** To hosts: the lobby's waiting list changed. */
  'lobby:updated': (payload: { lobby: LobbyEntry[] }) => void;
  /** To a waiting socket: join again now; or go away. */
  'lobby:admitted': (payload: Record<string, never>) => void;
  'lobby:denied': (payload: Record<string, never>) => void;
  /** To a peer: a host muted your microphone (you may unmute yourself), or stopped your camera. */
  'host:muted': (payload: Record<string, never>) => void;
  'host:camera-stopped': (payload: Record<string, never>) => void;
  /** To a peer: a host asks you to unmute (only you can). */
  'host:unmute-requested': (payload: Record<string, never>) => void;
  /** To a peer: a host removed you; do not rejoin. */
  'room:removed': (payload: Record<string, never>) => void;
  /** The room's media server was rebuilt (its worker died): rejoin with the same peerKey. */
  'room:reset': (payload: { reason: 'worker_died' }) => void;

  'forum:post-created': (post: ForumLivePost) => void;
  'forum:post-updated': (post: ForumLivePost) => void;
  'forum:post-hidden': (payload: { postId: string; hidden: boolean }) => void;
  'forum:thread-created': (payload: { categoryId: string; threadId: string; title: string; createdAt: string }) => void;
  'forum:thread-bumped': (payload: { threadId: string; postCount: number }) => void;
  'forum:thread-changed': (payload: { threadId: string; categoryId: string; locked: boolean; pinned: boolean; hidden: boolean }) => void;
  'forum:reactions-changed': (payload: { postId: string; counts: Record<string, number> }) => void;
  'webcast:status': (payload: { status: 'scheduled' | 'live' | 'ended' | 'canceled' }) => void;
  'webcast:viewers': (payload: { count: number }) => void;
  'webcast:chat-posted': (message: WebcastChatMessage) => void;
  'webcast:chat-hidden': (payload: { messageId: string }) => void;
  'webcast:reaction': (payload: { emoji: WebcastEmoji }) => void;
  'webcast:pinned': (payload: { peerId: string | null }) => void;
  'webcast:stage': (payload: { stage: Array<{ peerId: string; name: string }> }) => void;
  'webcast:consumer-created': (consumer: ConsumerCreated) => void;
  'webcast:consumer-closed': (payload: { consumerId: string }) => void;
  /** A host muted this viewer's chat for the event. */
  'webcast:chat-muted': (payload: Record<string, never>) => void;

  /** To the member's own sockets: a new notification (the bell's count goes up). */
  'notification:created': (payload: { id: string; kind: string; data: Record<string, unknown>; createdAt: string }) => void;
}

export type InterServerEvents = Record<string, never>;

export interface SocketData {
  user: SocketUser;
  /** The same member as the forum's permission checks see them. */
  forumActor?: import('../forum/permissions').Actor;
  /** Set by room:join. */
  roomId?: string;
  peerId?: string;
  /** Set by webcast:join: this socket is an audience member and may never produce. */
  viewer?: { eventId: string; viewerId: string; nickname?: string };
  /** A guest without an account (an invited school, a studio kiosk): this room only. */
  guest?: { roomId: string; via: 'invite' | 'kiosk'; ref: string };
  /** Set while this socket waits in a room's lobby. */
  waiting?: { roomId: string; entryId: string };
}
