'use client';

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { CallEvents, CallSession, CallSnapshot } from '../_call/call-session';

const noSubscription = () => () => {};
const noSnapshot = () => null;

/** The session's current state, re-rendering on every change. */
export function useCallSnapshot(session: CallSession | null): CallSnapshot | null {
  return useSyncExternalStore(
    session ? session.subscribe : noSubscription,
    session ? session.getSnapshot : noSnapshot,
    noSnapshot,
  );
}

/** Subscribes to one of the session's discrete events (announce, chat, notice). */
export function useCallEvent<K extends keyof CallEvents>(
  session: CallSession | null,
  type: K,
  handler: (payload: CallEvents[K]) => void,
): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!session) return;
    return session.on(type, (payload) => latest.current(payload));
  }, [session, type]);
}

/** The element's content size, kept current with a ResizeObserver. */
export function useElementSize<T extends Element>(): [(element: T | null) => void, { width: number; height: number }] {
  const [element, setElement] = useState<T | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setSize((previous) =>
        Math.round(previous.width) === Math.round(width) && Math.round(previous.height) === Math.round(height)
          ? previous
          : { width, height },
      );
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, size];
}
