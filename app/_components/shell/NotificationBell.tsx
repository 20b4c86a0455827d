'use client';

import { useFormatter, useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { liveSocket } from '../live/live-socket';
import { useLive } from '../live/use-live';
import { LocalTime } from '../LocalTime';
import { Button } from '../ui/Button';
import { cx } from '../ui/class-names';
import { Spinner } from '../ui/Spinner';

export interface BellNotification {
  id: string;
  kind: string;
  data: Record<string, unknown>;
  read: boolean;
  createdAt: string;
}

type ApiAnswer<T> = { ok: true; data: T } | { ok: false; error: { message: string } };

function IconBell({ size = 22 }: { size?: number }) {
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M6 10a6 6 0 0 1 12 0c0 4.5 2 6 2 6H4s2-1.5 2-6M10 19.5a2.2 2.2 0 0 0 4 0" />
    </svg>
  );
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Where a notification leads: its post (by id, /forum/p/ finds the page), else its thread. */
function hrefOf(item: BellNotification): string {
  if (item.kind === 'event_live' && /^[a-z0-9-]{3,80}$/.test(text(item.data.slug))) return `/events/${text(item.data.slug)}`;
  if (item.kind === 'study_trip' && /^[A-Za-z0-9_-]{16,100}$/.test(text(item.data.token))) return `/hub/study-trips/status/${text(item.data.token)}`;
  const postId = text(item.data.postId);
  if (/^[0-9a-f-]{36}$/.test(postId)) return `/forum/p/${postId}`;
  const threadId = text(item.data.threadId);
  return /^[0-9a-f-]{36}$/.test(threadId) ? `/forum/t/${threadId}` : '/forum';
}

async function api<T>(path: string, body?: unknown): Promise<ApiAnswer<T> | null> {
  try {
    const response = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as ApiAnswer<T>;
  } catch {
    return null;
  }
}

/**
 * The bell in the header (members only): the unread count, kept current by `notification:created`
 * on the member's socket, and a popover with the latest notifications. New ones are announced in
 * a polite live region.
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const t = useTranslations('forum.notifications');
  const format = useFormatter();
  const locale = useLocale();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [unread, setUnread] = useState(initialUnread);
  const [items, setItems] = useState<BellNotification[] | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  const [announcement, setAnnouncement] = useState('');
  const [connected, setConnected] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const describe = useCallback(
    (item: Pick<BellNotification, 'kind' | 'data'>) => {
      const name = text(item.data.byName) || t('someone');
      const title = text(item.data.title);
      switch (item.kind) {
        case 'reply':
        case 'mention':
        case 'thread':
          return t(item.kind, { name, title });
        case 'moderation':
          return t('moderation', { title });
        case 'event_live':
          // Events may have an English title beside the Norwegian one.
          return t('eventLive', { title: (locale === 'en' && text(item.data.titleEn)) || title });
        case 'study_trip':
          return t('studyTrip', { title, status: text(item.data.status) });
        default:
          return t('other');
      }
    },
    [t, locale],
  );

  const load = useCallback(async () => {
    setState('loading');
    const result = await api<{ items: BellNotification[]; unread: number }>('/api/notifications');
    if (result?.ok) {
      setItems(result.data.items);
      setUnread(result.data.unread);
      setState('idle');
    } else {
      setState('failed');
    }
  }, []);

  useLive(
    'member',
    null,
    {
      'notification:created': (note) => {
        setUnread((n) => n + 1);
        setItems((current) => (current ? [{ ...note, read: false }, ...current.filter((i) => i.id !== note.id)] : current));
        setAnnouncement(t('announce', { text: describe(note) }));
      },
    },
    // Notifications may have arrived while the socket was away.
    { onReconnect: () => void load() },
  );

  useEffect(() => {
    let cancelled = false;
    let unbind = () => {};
    void liveSocket('member').then((socket) => {
      if (cancelled) return;
      const up = () => setConnected(true);
      const down = () => setConnected(false);
      if (socket.connected) up();
      socket.on('connect', up);
      socket.on('disconnect', down);
      unbind = () => {
        socket.off('connect', up);
        socket.off('disconnect', down);
      };
    });
    return () => {
      cancelled = true;
      unbind();
    };
  }, []);

  // A fresh page load brings a fresh count from the server; keep it.
  useEffect(() => setUnread(initialUnread), [initialUnread]);
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    }
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  function toggle() {
    const next = !open;
    setOpen(next);
    if (next) void load();
  }

  async function markAllRead() {
    setItems((current) => current?.map((i) => ({ ...i, read: true })) ?? current);
    setUnread(0);
    const result = await api<{ unread: number }>('/api/notifications/read', { all: true });
    if (result?.ok) setUnread(result.data.unread);
  }

  function markRead(item: BellNotification) {
    if (item.read) return;
    setItems((current) => current?.map((i) => (i.id === item.id ? { ...i, read: true } : i)) ?? current);
    setUnread((n) => Math.max(0, n - 1));
    // keepalive: the click also navigates away.
    void fetch('/api/notifications/read', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [item.id] }),
      keepalive: true,
    }).catch(() => {});
  }

  const label = unread > 0 ? t('buttonUnread', { count: unread }) : t('button');
  return (
    <div className="relative" data-live={connected ? 'on' : 'off'}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        title={label}
        onClick={toggle}
        className="relative flex size-11 items-center justify-center rounded-lg text-fjord-800 hover:bg-fjord-50 xl:size-10"
      >
        <IconBell />
        {unread > 0 ? (
          <span
            aria-hidden="true"
            className="absolute -top-0.5 -right-1 flex h-[1.125rem] min-w-[1.125rem] items-center justify-center rounded-full bg-danger-600 px-1 text-[0.625rem] leading-none font-bold text-white ring-2 ring-sand-25 xl:-top-1 xl:-right-1.5"
          >
            {unread > 99 ? '99+' : format.number(unread)}
          </span>
        ) : null}
      </button>
      <div aria-live="polite" className="sr-only">
        {announcement}
      </div>
      <div
        ref={panelRef}
        id={panelId}
        role="region"
        aria-labelledby={headingId}
        hidden={!open}
        className="fixed inset-x-3 top-[4.25rem] z-50 overflow-hidden rounded-2xl border border-sand-200 bg-white text-left shadow-lg sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-2 sm:w-[24rem]"
      >
        <div className="flex items-center justify-between gap-3 border-b border-sand-200 px-4 py-3">
          <h2 id={headingId} className="text-base font-semibold text-ink">
            {t('heading')}
          </h2>
          {items?.some((i) => !i.read) ? (
            <Button variant="ghost" size="sm" onClick={() => void markAllRead()}>
              {t('markAllRead')}
            </Button>
          ) : null}
        </div>
        <div className="max-h-[min(28rem,70dvh)] overflow-y-auto">
          {items === null && state === 'loading' ? (
            <p className="flex items-center gap-2 px-4 py-6 text-sm text-ink-muted">
              <Spinner size="sm" decorative />
              {t('loading')}
            </p>
          ) : items === null && state === 'failed' ? (
            <div className="flex flex-col items-start gap-3 px-4 py-6 text-sm text-danger-700">
              <p>{t('failed')}</p>
              <Button variant="secondary" size="sm" onClick={() => void load()}>
                {t('retry')}
              </Button>
            </div>
          ) : items && items.length === 0 ? (
            <p className="px-4 py-6 text-sm text-ink-muted">{t('empty')}</p>
          ) : items ? (
            <ul className="divide-y divide-sand-100">
              {items.map((item) => {
                const reason = item.kind === 'moderation' ? text(item.data.reason) : '';
                return (
                  <li key={item.id}>
                    <Link
                      href={hrefOf(item)}
                      onClick={() => markRead(item)}
                      className={cx('flex gap-3 px-4 py-3 text-sm hover:bg-sand-50', item.read ? 'text-ink-muted' : 'bg-fjord-50/50 text-ink')}
                    >
                      <span aria-hidden="true" className={cx('mt-1.5 size-2 shrink-0 rounded-full', item.read ? 'bg-transparent' : 'bg-fjord-600')} />
                      <span className="min-w-0 flex-1">
                        <span className={cx('block break-words', !item.read && 'font-semibold')}>{describe(item)}</span>
                        {reason ? <span className="mt-0.5 block break-words text-ink-muted">{t('moderationReason', { reason })}</span> : null}
                        <span className="mt-0.5 block text-xs text-ink-muted">
                          <LocalTime value={item.createdAt} />
                          {item.read ? null : <span className="sr-only"> · {t('unread')}</span>}
                        </span>
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
}
