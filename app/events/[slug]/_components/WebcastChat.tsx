'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { cx } from '@/app/_components/ui/class-names';
import { IconChat } from '@/app/_components/ui/Icon';
import { Spinner } from '@/app/_components/ui/Spinner';
import { IconSend } from '@/app/rooms/_components/room-icons';
import type { WebcastChatMessage } from '@/server/signalling/contract';
import { IconChatOff, IconEyeOff } from '../../_components/event-icons';
import { WEBCAST_CHAT_MAX, WatchError, type WatchSession } from '../../_watch/watch-session';

/**
 * NOTE: the server does not yet say which viewer wrote a message, so "mute this viewer" can only
 * be offered once it does (see the report); the button appears as soon as `viewerId` arrives.
 */
type ChatMessage = WebcastChatMessage & { viewerId?: string };

export type ChatState = 'open' | 'connecting' | 'muted' | 'closed' | 'gated';

/** The audience chat beside the player: the session's messages, a composer, and for hosts, moderation. */
export function WebcastChat({
  session,
  messages,
  state,
  isHost,
  onNotice,
  className,
}: {
  session: WatchSession | null;
  messages: readonly WebcastChatMessage[];
  state: ChatState;
  isHost: boolean;
  /** A moderation result for the page's live region. */
  onNotice: (text: string) => void;
  className?: string;
}) {
  const t = useTranslations('events.chat');
  const te = useTranslations('events.errors');
  const format = useFormatter();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [mine, setMine] = useState<ReadonlySet<string>>(new Set());
  const listRef = useRef<HTMLOListElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const stickToBottom = useRef(true);
  const inputId = useId();
  const errorId = useId();
  const headingId = useId();

  useLayoutEffect(() => {
    const list = listRef.current;
    if (list && stickToBottom.current) list.scrollTop = list.scrollHeight;
  }, [messages.length]);

  async function send(event?: FormEvent) {
    event?.preventDefault();
    const trimmed = text.trim();
    if (!trimmed || sending || !session) return;
    if (trimmed.length > WEBCAST_CHAT_MAX) {
      setError(t('tooLong', { max: WEBCAST_CHAT_MAX }));
      return;
    }
    setSending(true);
    setError(null);
    const before = new Set(session.getSnapshot().chat.map((m) => m.id));
    try {
      await session.sendChat(trimmed);
      const added = session.getSnapshot().chat.find((m) => !before.has(m.id) && m.text === trimmed);
      if (added) setMine((set) => new Set(set).add(added.id));
      setText('');
      stickToBottom.current = true;
    } catch (caught) {
      const code = caught instanceof WatchError ? caught.code : 'internal';
      setError(code === 'forbidden' ? t('mutedBody') : te(code in ERROR_KEYS ? code : 'internal'));
    } finally {
      setSending(false);
      inputRef.current?.focus();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends, Shift+Enter makes a new line (IME composition is left alone).
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  async function hide(message: ChatMessage) {
    try {
      await session?.hideMessage(message.id);
      onNotice(t('hidden', { name: message.name }));
    } catch {
      onNotice(t('moderationFailed'));
    }
  }

  async function mute(message: ChatMessage) {
    if (!message.viewerId) return;
    try {
      await session?.muteViewer(message.viewerId);
      onNotice(t('viewerMuted', { name: message.name }));
    } catch {
      onNotice(t('moderationFailed'));
    }
  }

  const remaining = WEBCAST_CHAT_MAX - text.length;
  return (
    <section aria-labelledby={headingId} className={cx('flex min-h-0 flex-col overflow-hidden rounded-xl bg-[#152428] ring-1 ring-white/10', className)}>
      <div className="flex h-12 shrink-0 items-center justify-between gap-3 border-b border-white/10 px-4">
        <h2 id={headingId} className="font-semibold text-white">
          {t('title')}
        </h2>
        {isHost ? <span className="text-xs text-white/60">{t('youModerate')}</span> : null}
      </div>
      {messages.length === 0 ? (
        <div className="flex flex-1 flex-col items-center justify-center gap-3 px-6 py-8 text-center text-white/70">
          <span aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-white/10">
            <IconChat size={24} />
          </span>
          <p className="text-sm">{state === 'closed' ? t('emptyClosed') : t('empty')}</p>
        </div>
      ) : (
        <ol
          ref={listRef}
          role="log"
          aria-label={t('log')}
          onScroll={(event) => {
            const list = event.currentTarget;
            stickToBottom.current = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
          }}
          className="flex min-h-0 flex-1 flex-col gap-2.5 overflow-y-auto overscroll-contain px-4 py-3"
        >
          {messages.map((message: ChatMessage) => (
            <li key={message.id} className="group/message relative flex flex-col" data-chat-message="">
              <p className="flex flex-wrap items-baseline gap-x-2 text-xs">
                <span className={cx('font-semibold', mine.has(message.id) ? 'text-aurora-300' : 'text-fjord-100')}>
                  {mine.has(message.id) ? t('you', { name: message.name }) : message.name}
                </span>
                {message.anonymous ? <span className="rounded bg-white/10 px-1 py-px text-[0.6875rem] text-white/70">{t('guest')}</span> : null}
                <time dateTime={message.at} className="text-white/50">
                  {format.dateTime(new Date(message.at), { timeStyle: 'short' })}
                </time>
              </p>
              <p className="text-[0.9375rem] leading-snug break-words whitespace-pre-wrap text-white">{message.text}</p>
              {isHost ? (
                <div className="mt-1 flex gap-1 sm:absolute sm:top-0 sm:right-0 sm:mt-0 sm:opacity-0 sm:group-focus-within/message:opacity-100 sm:group-hover/message:opacity-100">
                  <button
                    type="button"
                    onClick={() => void hide(message)}
                    className="flex items-center gap-1 rounded-md bg-[#24383d] px-2 py-1 text-xs font-medium text-white ring-1 ring-white/15 hover:bg-[#2d464c]"
                  >
                    <IconEyeOff size={14} />
                    <span>{t('hide')}</span>
                    <span className="sr-only">{t('messageFrom', { name: message.name })}</span>
                  </button>
                  {message.viewerId ? (
                    <button
                      type="button"
                      onClick={() => void mute(message)}
                      className="flex items-center gap-1 rounded-md bg-[#24383d] px-2 py-1 text-xs font-medium text-white ring-1 ring-white/15 hover:bg-[#2d464c]"
                    >
                      <IconChatOff size={14} />
                      <span>{t('mute')}</span>
                      <span className="sr-only">{message.name}</span>
                    </button>
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <div className="shrink-0 border-t border-white/10 p-3">
        {state === 'muted' ? (
          <p className="flex items-start gap-2 rounded-lg bg-white/5 px-3 py-2.5 text-sm text-white/80">
            <IconChatOff size={18} className="mt-0.5 shrink-0" />
            {t('mutedBody')}
          </p>
        ) : state === 'closed' ? (
          <p className="px-1 py-1 text-sm text-white/70">{t('closed')}</p>
        ) : state === 'gated' ? (
          <p className="px-1 py-1 text-sm text-white/70">{t('gated')}</p>
        ) : (
          <form onSubmit={(event) => void send(event)}>
            {error ? (
              <p id={errorId} role="alert" className="mb-2 rounded-lg bg-danger-600/25 px-3 py-2 text-sm text-danger-50">
                {error}
              </p>
            ) : null}
            <label htmlFor={inputId} className="sr-only">
              {t('message')}
            </label>
            <div className="flex items-end gap-2">
              <textarea
                ref={inputRef}
                id={inputId}
                rows={1}
                value={text}
                maxLength={WEBCAST_CHAT_MAX}
                disabled={state === 'connecting'}
                placeholder={state === 'connecting' ? t('connecting') : t('placeholder')}
                aria-describedby={error ? errorId : undefined}
                aria-invalid={error ? true : undefined}
                onChange={(event) => {
                  setText(event.target.value);
                  if (error) setError(null);
                }}
                onKeyDown={onKeyDown}
                className="max-h-28 min-h-11 flex-1 resize-none rounded-xl border border-white/15 bg-white/5 px-3.5 py-2.5 text-[0.9375rem] text-white [field-sizing:content] placeholder:text-white/45 hover:border-white/30 disabled:cursor-not-allowed disabled:opacity-60"
              />
              <button
                type="submit"
                disabled={!text.trim() || sending || state !== 'open'}
                className="flex size-11 shrink-0 items-center justify-center rounded-xl bg-fjord-500 text-white transition-colors hover:bg-fjord-400 disabled:cursor-not-allowed disabled:opacity-50"
              >
                {sending ? <Spinner size="sm" decorative /> : <IconSend size={20} />}
                <span className="sr-only">{t('send')}</span>
              </button>
            </div>
            {remaining < 100 ? <p className={cx('mt-1.5 text-right text-xs', remaining < 0 ? 'text-danger-200' : 'text-white/60')}>{t('remaining', { count: remaining })}</p> : null}
          </form>
        )}
      </div>
    </section>
  );
}

/** Codes with their own sentence in events.errors (the rest say "internal"). */
const ERROR_KEYS: Record<string, true> = { rate_limited: true, disconnected: true, timeout: true, not_joined: true, bad_request: true, internal: true };
