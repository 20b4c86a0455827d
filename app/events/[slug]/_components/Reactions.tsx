'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useRef, useState } from 'react';
import { cx } from '@/app/_components/ui/class-names';
import { WEBCAST_EMOJI, type WebcastEmoji } from '@/server/signalling/contract';
import { useWatchEvent } from '../../_watch/use-store';
import type { WatchSession } from '../../_watch/watch-session';

const EMOJI_NAMES: Record<WebcastEmoji, string> = {
  '👏': 'applause',
  '❤️': 'heart',
  '🎉': 'party',
  '😂': 'laugh',
  '😮': 'wow',
  '🎻': 'violin',
};
/** Reactions share the chat's budget on the server (5 per 5 s): one a second leaves room to chat. */
const REACTION_GAP_MS = 1_000;
const MAX_FLOATING = 24;

/** The emoji buttons under the player. */
export function ReactionBar({ session, disabled }: { session: WatchSession | null; disabled: boolean }) {
  const t = useTranslations('events.reactions');
  const [cooling, setCooling] = useState(false);
  const send = useCallback(
    (emoji: WebcastEmoji) => {
      if (!session || cooling) return;
      setCooling(true);
      window.setTimeout(() => setCooling(false), REACTION_GAP_MS);
      void session.react(emoji).catch(() => {});
    },
    [session, cooling],
  );
  return (
    <div role="group" aria-label={t('label')} className="flex items-center gap-1">
      {WEBCAST_EMOJI.map((emoji) => (
        <button
          key={emoji}
          type="button"
          disabled={disabled}
          aria-disabled={cooling || undefined}
          onClick={() => send(emoji)}
          title={t(EMOJI_NAMES[emoji])}
          className={cx(
            'flex size-10 items-center justify-center rounded-full text-xl transition-transform hover:bg-white/10 active:scale-90 disabled:cursor-not-allowed disabled:opacity-40',
            cooling && 'opacity-60',
          )}
        >
          <span aria-hidden="true">{emoji}</span>
          <span className="sr-only">{t('send', { name: t(EMOJI_NAMES[emoji]) })}</span>
        </button>
      ))}
    </div>
  );
}

/**
 * Everyone's reactions, floating up over the right side of the player for a couple of seconds.
 * Decorative (aria-hidden): a concert hall's applause is not something to read aloud. With
 * reduced motion they fade in place instead of rising.
 */
export function ReactionLayer({ session }: { session: WatchSession | null }) {
  const layer = useRef<HTMLDivElement>(null);
  useWatchEvent(session, 'reaction', (emoji) => {
    const host = layer.current;
    if (!host || host.childElementCount >= MAX_FLOATING) return;
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const item = document.createElement('span');
    item.textContent = emoji;
    item.dataset.reaction = emoji;
    item.className = 'absolute bottom-4 text-3xl sm:text-4xl drop-shadow-lg select-none';
    item.style.right = `${6 + Math.random() * 16}%`;
    host.append(item);
    const drift = (Math.random() - 0.5) * 60;
    const rise = Math.max(120, host.clientHeight * 0.7);
    const animation = item.animate(
      reduce
        ? [{ opacity: 0 }, { opacity: 1, offset: 0.15 }, { opacity: 1, offset: 0.7 }, { opacity: 0 }]
        : [
            { transform: 'translate(0, 0) scale(0.6)', opacity: 0 },
            { transform: `translate(0, ${-rise * 0.1}px) scale(1.1)`, opacity: 1, offset: 0.12 },
            { transform: `translate(${drift}px, ${-rise * 0.7}px) scale(1)`, opacity: 1, offset: 0.7 },
            { transform: `translate(${drift * 1.4}px, ${-rise}px) scale(0.9)`, opacity: 0 },
          ],
      { duration: reduce ? 1800 : 2600, easing: 'ease-out' },
    );
    animation.onfinish = () => item.remove();
    animation.oncancel = () => item.remove();
  });
  return <div ref={layer} aria-hidden="true" className="pointer-events-none absolute inset-0 overflow-hidden" />;
}
