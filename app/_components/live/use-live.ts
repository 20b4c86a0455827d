'use client';

import { useEffect, useRef } from 'react';
import type { ForumWatch, ForumWatchState, ServerToClientEvents } from '@/server/signalling/contract';
import { liveSocket, onReconnect, watchForum, type LiveAudience } from './live-socket';

type Handlers = { [E in keyof ServerToClientEvents]?: ServerToClientEvents[E] };

/**
 * Subscribes a component to live events (and, with a target, watches that thread or category)
 * while it is mounted. Handlers may change on every render; the latest ones are called.
 */
export function useLive(
  audience: LiveAudience | null,
  target: ForumWatch | null,
  handlers: Handlers,
  options: { onReconnect?: () => void; onActive?: (active: boolean, state: ForumWatchState) => void } = {},
) {
  const latest = useRef({ handlers, options });
  latest.current = { handlers, options };
  const targetKey = target ? JSON.stringify(target) : '';
  const events = Object.keys(handlers).sort().join(',');

  useEffect(() => {
    if (!audience) return;
    let cancelled = false;
    const unsubscribe: Array<() => void> = [];
    const watched = targetKey ? (JSON.parse(targetKey) as ForumWatch) : null;
    if (watched) unsubscribe.push(watchForum(audience, watched, (active, state) => latest.current.options.onActive?.(active, state)));
    unsubscribe.push(onReconnect(audience, () => latest.current.options.onReconnect?.()));
    void liveSocket(audience).then((socket) => {
      if (cancelled) return;
      for (const event of events.split(',').filter(Boolean) as Array<keyof ServerToClientEvents>) {
        const listener = (...args: unknown[]) => {
          const handler = latest.current.handlers[event] as ((...a: unknown[]) => void) | undefined;
          handler?.(...args);
        };
        socket.on(event, listener as never);
        unsubscribe.push(() => socket.off(event, listener as never));
      }
    });
    return () => {
      cancelled = true;
      for (const stop of unsubscribe) stop();
    };
  }, [audience, targetKey, events]);
}
