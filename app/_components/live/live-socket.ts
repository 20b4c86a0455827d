'use client';

import type { Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ForumWatch, ForumWatchState, ServerToClientEvents } from '@/server/signalling/contract';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Members read the forum through the main namespace (the session cookie authenticates it, and
 * notifications arrive there); anonymous visitors through the read-only `/public` namespace.
 */
export type LiveAudience = 'member' | 'public';

interface Watch {
  target: ForumWatch;
  /** How many components want this target. */
  count: number;
  /** The server has acknowledged the watch on the current connection. */
  active: boolean;
  /** What the server's acknowledgement said (e.g. the thread's post count then). */
  state: ForumWatchState;
  onActive: Set<WatchListener>;
}

/** Hears whether live updates flow, and on each acknowledgement what the server found. */
export type WatchListener = (active: boolean, state: ForumWatchState) => void;

interface Connection {
  socket: Promise<LiveSocket>;
  watches: Map<string, Watch>;
  /** Called after a reconnect (not the first connect): events may have been missed meanwhile. */
  reconnectListeners: Set<() => void>;
}

const connections = new Map<LiveAudience, Connection>();

const keyOf = (target: ForumWatch) => ('threadId' in target ? `t:${target.threadId}` : `c:${target.categoryId}`);

function setActive(watch: Watch, active: boolean, state: ForumWatchState = {}) {
  // Every acknowledgement is heard (after a reconnect the state may be news), a repeated "off" not.
  if (watch.active === active && !active) return;
  watch.active = active;
  watch.state = state;
  for (const listener of watch.onActive) listener(active, state);
}

function emitWatch(socket: LiveSocket, watch: Watch, watches: Map<string, Watch>, key: string) {
  socket.emit('forum:watch', watch.target, (ack: Ack<ForumWatchState>) => {
    if (ack?.ok && watches.get(key) === watch && socket.connected) setActive(watch, true, ack.data ?? {});
  });
}

/**
 * One socket per audience for the whole tab, shared by the bell, the thread page and the
 * category page. socket.io-client is loaded only in the browser, on first use.
 */
function connection(audience: LiveAudience): Connection {
  let existing = connections.get(audience);
  if (existing) return existing;
  const watches = new Map<string, Watch>();
  const reconnectListeners = new Set<() => void>();
  const socket = import('socket.io-client').then(({ io }) => {
    const options = { path: '/socket.io', transports: ['websocket'], reconnectionDelay: 1_000, reconnectionDelayMax: 10_000 };
    const s: LiveSocket = audience === 'member' ? io(options) : io('/public', options);
    let connectedBefore = false;
    // The server forgets a socket's rooms when it disconnects, so every (re)connect watches again.
    s.on('connect', () => {
      for (const [key, watch] of watches) emitWatch(s, watch, watches, key);
      if (connectedBefore) for (const listener of reconnectListeners) listener();
      connectedBefore = true;
    });
    s.on('disconnect', () => {
      for (const watch of watches.values()) setActive(watch, false);
    });
    return s;
  });
  existing = { socket, watches, reconnectListeners };
  connections.set(audience, existing);
  return existing;
}

export function liveSocket(audience: LiveAudience): Promise<LiveSocket> {
  return connection(audience).socket;
}

/**
 * Starts live updates for a thread or category; the returned function stops them.
 * `onActive` hears whether updates are flowing (the server acknowledged the watch).
 */
export function watchForum(audience: LiveAudience, target: ForumWatch, onActive?: WatchListener): () => void {
  const conn = connection(audience);
  const key = keyOf(target);
  let watch = conn.watches.get(key);
  if (watch) {
    watch.count += 1;
  } else {
    const created: Watch = { target, count: 1, active: false, state: {}, onActive: new Set() };
    watch = created;
    conn.watches.set(key, created);
    void conn.socket.then((s) => {
      if (s.connected && conn.watches.get(key) === created) emitWatch(s, created, conn.watches, key);
    });
  }
  if (onActive) {
    watch.onActive.add(onActive);
    if (watch.active) onActive(true, watch.state);
  }
  const mine = watch;
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    if (onActive) mine.onActive.delete(onActive);
    mine.count -= 1;
    if (mine.count > 0 || conn.watches.get(key) !== mine) return;
    conn.watches.delete(key);
    void conn.socket.then((s) => {
      if (s.connected) s.emit('forum:unwatch', target, () => {});
    });
  };
}

/** Runs `listener` after each reconnect of the audience's socket; returns an unsubscribe. */
export function onReconnect(audience: LiveAudience, listener: () => void): () => void {
  const conn = connection(audience);
  conn.reconnectListeners.add(listener);
  return () => conn.reconnectListeners.delete(listener);
}
