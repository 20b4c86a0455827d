'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { cx } from '@/app/_components/ui/class-names';
import { IconChat } from '@/app/_components/ui/Icon';
import { Spinner } from '@/app/_components/ui/Spinner';
import type { ChatMessage } from '@/server/signalling/contract';
import { IconSend } from '../../_components/room-icons';
import { CallError, CHAT_MAX_LENGTH } from '../_call/call-session';

/** The room's chat: this session's messages, newest at the bottom, and a composer. */
export function ChatPanel({
  messages,
  selfId,
  onSend,
  autoFocus,
}: {
  messages: readonly ChatMessage[];
  selfId: string | null;
  onSend: (text: string) => Promise<void>;
  autoFocus: boolean;
}) {
  const t = useTranslations('rooms.chat');
  const tc = useTranslations('rooms.callErrors');
  const format = useFormatter();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const stickToBottom = useRef(true);
  const inputId = useId();
  const errorId = useId();
  const counterId = useId();

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);

  // Follow new messages unless the reader has scrolled up to read older ones.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list && stickToBottom.current) list.scrollTop = list.scrollHeight;
  }, [messages.length]);

  async function send(event?: FormEvent) {
    event?.preventDefault();
    const trimmed = text.trim();
    if (!trimmed || sending) return;
    if (trimmed.length > CHAT_MAX_LENGTH) {
      setError(t('tooLong', { max: CHAT_MAX_LENGTH }));
      return;
    }
    setSending(true);
    setError(null);
    try {
      await onSend(trimmed);
      setText('');
      stickToBottom.current = true;
    } catch (caught) {
      const callError = caught instanceof CallError ? caught : new CallError('internal');
      setError(callError.serverMessage ?? tc(callError.code));
    } finally {
      setSending(false);
      inputRef.current?.focus();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends, Shift+Enter makes a new line (and IME composition is left alone).
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  const remaining = CHAT_MAX_LENGTH - text.length;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      {messages.length === 0 ? (
        <div className="flex flex-1 flex-col items-center justify-center gap-3 px-6 text-center text-white/70">
          <span aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-white/10">
            <IconChat size={24} />
          </span>
          <p className="text-sm">{t('empty')}</p>
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
          className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto overscroll-contain px-4 py-4"
        >
          {messages.map((message, index) => {
            const mine = message.peerId === selfId;
            const previous = messages[index - 1];
            // Consecutive messages from one person within two minutes share a header.
            const grouped =
              previous?.peerId === message.peerId && Date.parse(message.at) - Date.parse(previous.at) < 120_000;
            return (
              <li key={message.id} className={cx('flex flex-col', mine ? 'items-end' : 'items-start', grouped && '-mt-2')}>
                {grouped ? (
                  <span className="sr-only">{mine ? t('you') : message.name}</span>
                ) : (
                  <p className="mb-1 flex items-baseline gap-2 px-1 text-xs">
                    <span className="font-semibold text-white">{mine ? t('you') : message.name}</span>
                    <time dateTime={message.at} className="text-white/60">
                      {format.dateTime(new Date(message.at), { timeStyle: 'short' })}
                    </time>
                  </p>
                )}
                <p
                  className={cx(
                    'max-w-[90%] rounded-2xl px-3.5 py-2 text-[0.9375rem] leading-snug break-words whitespace-pre-wrap',
                    mine ? 'rounded-br-md bg-fjord-500 text-white' : 'rounded-bl-md bg-white/10 text-white',
                  )}
                >
                  {message.text}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      <form onSubmit={(event) => void send(event)} className="border-t border-white/10 p-3">
        {error ? (
          <p id={errorId} role="alert" className="mb-2 rounded-lg bg-danger-600/20 px-3 py-2 text-sm text-danger-50">
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
            maxLength={CHAT_MAX_LENGTH}
            placeholder={t('placeholder')}
            aria-describedby={cx(error ? errorId : '', remaining < 200 ? counterId : '') || undefined}
            aria-invalid={error ? true : undefined}
            onChange={(event) => {
              setText(event.target.value);
              if (error) setError(null);
            }}
            onKeyDown={onKeyDown}
            className="max-h-32 min-h-11 flex-1 resize-none rounded-xl border border-white/15 bg-white/5 px-3.5 py-2.5 text-[0.9375rem] text-white [field-sizing:content] placeholder:text-white/45 hover:border-white/30"
          />
          <button
            type="submit"
            disabled={!text.trim() || sending}
            aria-label={t('send')}
            className="flex size-11 shrink-0 items-center justify-center rounded-xl bg-fjord-500 text-white transition-colors hover:bg-fjord-400 disabled:cursor-not-allowed disabled:opacity-50"
          >
            {sending ? <Spinner size="sm" decorative /> : <IconSend size={20} />}
          </button>
        </div>
        {remaining < 200 ? (
          <p id={counterId} className={cx('mt-1.5 text-right text-xs', remaining < 0 ? 'text-danger-200' : 'text-white/60')}>
            {t('remaining', { count: remaining })}
          </p>
        ) : null}
      </form>
    </div>
  );
}
