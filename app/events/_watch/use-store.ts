'use client';

import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { WatchEvents, WatchSession } from './watch-session';

interface Store<S> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): S;
}

const noSubscription = () => () => {};
const noSnapshot = () => null;

/** The store's current snapshot (null without a store), re-rendering on every change. */
export function useStoreSnapshot<S>(store: Store<S> | null): S | null {
  return useSyncExternalStore(store ? store.subscribe : noSubscription, store ? store.getSnapshot : noSnapshot, noSnapshot);
}

/** Subscribes to one of the session's discrete events while mounted; the latest handler is called. */
export function useWatchEvent<K extends keyof WatchEvents>(emitter: WatchSession | null, type: K, handler: (payload: WatchEvents[K]) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!emitter) return;
    return emitter.on(type, (payload) => latest.current(payload));
  }, [emitter, type]);
}
