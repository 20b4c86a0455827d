'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button, ButtonLink } from '@/app/_components/ui/Button';
import { cx } from '@/app/_components/ui/class-names';
import { IconClose, IconMic, IconUsers, IconVideo } from '@/app/_components/ui/Icon';
import { Spinner } from '@/app/_components/ui/Spinner';
import { IconMicOff } from '@/app/rooms/_components/room-icons';
import type { PeerView } from '@/server/signalling/contract';
import { ConfirmDialog } from '../../_components/ConfirmDialog';
import { IconBan, IconBroadcast, IconDownload, IconEdit, IconExternal, IconPin, IconStop, IconUserMinus } from '../../_components/event-icons';
import { EventStatusBadge } from '../../_components/EventStatusBadge';
import type { EventPageData, EventStatus, Performer } from '../../_lib/event-types';
import { eventsApi } from '../../_lib/events-api';
import { StageControl } from '../../_watch/stage-control';
import { useStoreSnapshot } from '../../_watch/use-store';
import { WatchError } from '../../_watch/watch-session';

type Transition = 'live' | 'ended' | 'canceled';

/**
 * The host's control room on the event page: the broadcast's state and the buttons that move
 * it on (each confirmed), the performers, the way into the backstage, and the stage controls
 * (pin, mute, remove) through a signalling-only seat in the backstage room.
 */
export function HostDashboard({
  event,
  status,
  viewers,
  performers,
  backstageSlug,
  hostName,
  hostUserId,
  pinnedPeerId,
  onAnnounce,
}: {
  event: EventPageData;
  status: EventStatus;
  viewers: number | null;
  performers: Performer[];
  backstageSlug: string | null;
  hostName: string;
  /** The signed-in host (their own seats backstage cannot be removed). */
  hostUserId: string;
  pinnedPeerId: string | null;
  onAnnounce: (text: string) => void;
}) {
  const t = useTranslations('events.host');
  const format = useFormatter();
  const router = useRouter();
  const [asking, setAsking] = useState<Transition | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  async function transition(to: Transition) {
    setPending(true);
    setError(null);
    const result = await eventsApi<{ status: EventStatus }>(`/api/events/${event.id}/status`, {
      method: 'POST',
      body: { to },
      fallbackMessage: t('errors.generic'),
    });
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setAsking(null);
    onAnnounce(t(`done.${to}`));
    router.refresh();
  }

  const dialogs: Record<Transition, { title: string; body: string; confirm: string; tone: 'primary' | 'danger' }> = {
    live: { title: t('confirm.live.title'), body: t('confirm.live.body'), confirm: t('confirm.live.confirm'), tone: 'primary' },
    ended: { title: t('confirm.ended.title'), body: t('confirm.ended.body'), confirm: t('confirm.ended.confirm'), tone: 'danger' },
    canceled: { title: t('confirm.canceled.title'), body: t('confirm.canceled.body'), confirm: t('confirm.canceled.confirm'), tone: 'danger' },
  };
  const open = asking ? dialogs[asking] : null;
  const final = status === 'ended' || status === 'canceled';

  return (
    <section aria-labelledby={headingId} className="rounded-2xl border border-sand-200 bg-white shadow-xs">
      <div className="flex flex-col gap-4 border-b border-sand-200 p-5 sm:flex-row sm:items-center sm:justify-between sm:p-6">
        <div className="flex min-w-0 flex-col gap-1.5">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={headingId} className="text-lg font-semibold text-ink">
              {t('title')}
            </h2>
            <EventStatusBadge status={status} />
          </div>
          <p className="text-sm text-ink-muted">
            {status === 'live' && viewers !== null
              ? t('liveNow', { count: viewers, formatted: format.number(viewers) })
              : t(`statusHint.${status}`)}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {status === 'scheduled' ? (
            <>
              <Button onClick={() => setAsking('live')} iconStart={<IconBroadcast size={18} />}>
                {t('goLive')}
              </Button>
              <ButtonLink href={`/events/${event.slug}/edit`} variant="secondary" iconStart={<IconEdit size={18} />}>
                {t('edit')}
              </ButtonLink>
              <Button variant="ghost" onClick={() => setAsking('canceled')} iconStart={<IconBan size={18} />} className="text-danger-700 hover:bg-danger-50">
                {t('cancel')}
              </Button>
            </>
          ) : status === 'live' ? (
            <Button variant="danger" onClick={() => setAsking('ended')} iconStart={<IconStop size={18} />}>
              {t('end')}
            </Button>
          ) : event.hasRecording ? (
            <a
              href={`/api/events/${event.id}/recording`}
              download
              className="inline-flex h-11 items-center justify-center gap-2 rounded-lg border border-sand-300 bg-white px-4 text-[0.9375rem] font-semibold text-fjord-800 shadow-xs hover:border-fjord-400 hover:bg-fjord-50"
            >
              <IconDownload size={18} />
              {t('recording')}
            </a>
          ) : null}
        </div>
      </div>

      {!final ? (
        <div className="grid gap-6 p-5 sm:p-6 lg:grid-cols-2 lg:gap-8">
          <div className="flex flex-col gap-5">
            <PerformersEditor eventId={event.id} performers={performers} />
            {backstageSlug ? (
              <div className="flex flex-col gap-2 rounded-xl bg-fjord-50 p-4">
                <p className="text-sm font-semibold text-fjord-900">{t('backstageTitle')}</p>
                <p className="text-sm text-fjord-800">{t('backstageBody')}</p>
                <ButtonLink
                  href={`/rooms/${backstageSlug}`}
                  target="_blank"
                  rel="noopener"
                  variant="secondary"
                  size="sm"
                  className="self-start"
                  iconStart={<IconVideo size={16} />}
                  iconEnd={<IconExternal size={14} />}
                >
                  {t('openBackstage')}
                  <span className="sr-only"> {t('newTab')}</span>
                </ButtonLink>
              </div>
            ) : null}
          </div>
          {backstageSlug ? (
            <StageControls
              eventId={event.id}
              backstageSlug={backstageSlug}
              hostName={hostName}
              hostUserId={hostUserId}
              performers={performers}
              pinnedPeerId={pinnedPeerId}
              live={status === 'live'}
              onAnnounce={onAnnounce}
            />
          ) : null}
        </div>
      ) : null}

      <ConfirmDialog
        open={open !== null}
        title={open?.title ?? ''}
        body={open?.body ?? ''}
        confirm={open?.confirm ?? ''}
        tone={open?.tone}
        pending={pending}
        error={error}
        onConfirm={() => asking && void transition(asking)}
        onClose={() => {
          setAsking(null);
          setError(null);
        }}
      />
    </section>
  );
}

/** The performers (members, by @handle): they may enter the backstage and appear on stage. */
function PerformersEditor({ eventId, performers }: { eventId: string; performers: Performer[] }) {
  const t = useTranslations('events.performers');
  const router = useRouter();
  const [handles, setHandles] = useState(() => performers.map((p) => p.handle));
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState('');
  const inputId = useId();
  const errorId = useId();
  const hintId = useId();

  // The page's list is the truth after a refresh (names for handles just added).
  useEffect(() => setHandles(performers.map((p) => p.handle)), [performers]);

  async function save(next: string[], said: string) {
    setPending(true);
    setError(null);
    const result = await eventsApi<{ performers: Array<{ handle: string }> }>(`/api/events/${eventId}/performers`, {
      method: 'PUT',
      body: { handles: next },
      fallbackMessage: t('errorGeneric'),
    });
    setPending(false);
    if (!result.ok) {
      setError(result.error.fields?.handles ?? result.error.message);
      return false;
    }
    setHandles(result.data.performers.map((p) => p.handle));
    setStatus(said);
    router.refresh();
    return true;
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    const handle = draft.trim().replace(/^@/, '').toLowerCase();
    if (!handle) return;
    if (!/^[a-z0-9][a-z0-9_.-]{1,29}$/.test(handle)) {
      setError(t('invalid'));
      return;
    }
    if (handles.includes(handle)) {
      setDraft('');
      return;
    }
    if (await save([...handles, handle], t('added', { handle }))) setDraft('');
  }

  const nameOf = (handle: string) => performers.find((p) => p.handle === handle)?.name;
  return (
    <div className="flex flex-col gap-3">
      <h3 className="font-semibold text-ink">{t('title')}</h3>
      {handles.length === 0 ? (
        <p className="text-sm text-ink-muted">{t('empty')}</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label={t('title')}>
          {handles.map((handle) => (
            <li key={handle} className="flex items-center gap-1 rounded-full bg-sand-100 py-1 pr-1 pl-3 text-sm ring-1 ring-sand-200">
              <span className="font-medium text-ink">{nameOf(handle) ?? `@${handle}`}</span>
              {nameOf(handle) ? <span className="text-ink-muted">@{handle}</span> : null}
              <button
                type="button"
                disabled={pending}
                onClick={() => void save(handles.filter((h) => h !== handle), t('removed', { handle }))}
                className="ml-0.5 flex size-7 items-center justify-center rounded-full text-ink-muted hover:bg-sand-200 hover:text-ink disabled:opacity-50"
              >
                <IconClose size={14} title={t('remove', { handle })} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void add(event)} className="flex flex-col gap-1.5" noValidate>
        <label htmlFor={inputId} className="text-sm font-semibold text-ink">
          {t('add')}
        </label>
        <div className="flex gap-2">
          <div className="relative flex-1">
            <span aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-ink-muted">
              @
            </span>
            <input
              id={inputId}
              value={draft}
              onChange={(event) => {
                setDraft(event.target.value);
                setError(null);
              }}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={cx(hintId, error && errorId)}
              aria-invalid={error ? true : undefined}
              placeholder={t('placeholder')}
              className="block h-10 w-full rounded-lg border border-sand-500 bg-white pr-3 pl-7 text-base text-ink shadow-xs hover:border-sand-600 aria-[invalid=true]:border-danger-600"
            />
          </div>
          <Button type="submit" size="sm" variant="secondary" className="h-10" loading={pending}>
            {t('addButton')}
          </Button>
        </div>
        <p id={hintId} className="text-xs text-ink-muted">
          {t('hint')}
        </p>
        {error ? (
          <p id={errorId} role="alert" className="text-sm font-medium text-danger-700">
            {error}
          </p>
        ) : null}
        <p role="status" className="sr-only">
          {status}
        </p>
      </form>
    </div>
  );
}

/** Pin, mute and remove performers, through the host's control seat in the backstage. */
function StageControls({
  eventId,
  backstageSlug,
  hostName,
  hostUserId,
  performers,
  pinnedPeerId,
  live,
  onAnnounce,
}: {
  eventId: string;
  backstageSlug: string;
  hostName: string;
  hostUserId: string;
  performers: Performer[];
  pinnedPeerId: string | null;
  live: boolean;
  onAnnounce: (text: string) => void;
}) {
  const t = useTranslations('events.stage');
  const te = useTranslations('events.errors');
  const router = useRouter();
  const [control, setControl] = useState<StageControl | null>(null);
  const snapshot = useStoreSnapshot(control);
  const [pinned, setPinned] = useState(pinnedPeerId);
  const [removing, setRemoving] = useState<PeerView | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setPinned(pinnedPeerId), [pinnedPeerId]);
  useEffect(() => () => control?.dispose(), [control]);

  const connect = () => {
    const next = new StageControl({ backstage: backstageSlug, displayName: t('seatName', { name: hostName }) });
    setControl(next);
    void next.connect();
  };

  const run = async (action: () => Promise<unknown>, said: string) => {
    setError(null);
    try {
      await action();
      onAnnounce(said);
      return true;
    } catch (caught) {
      const code = caught instanceof WatchError ? caught.code : 'internal';
      setError(te(['not_joined', 'forbidden', 'not_found', 'disconnected', 'timeout', 'rate_limited'].includes(code) ? code : 'internal'));
      return false;
    }
  };

  const peers = snapshot?.peers ?? [];
  return (
    <div className="flex flex-col gap-3">
      <h3 className="font-semibold text-ink">{t('title')}</h3>
      {!control || !snapshot || snapshot.status === 'idle' ? (
        <div className="flex flex-col gap-3 rounded-xl border border-dashed border-sand-300 p-4">
          <p className="text-sm text-ink-muted">{t('connectBody')}</p>
          <Button variant="secondary" size="sm" className="self-start" onClick={connect} iconStart={<IconUsers size={16} />}>
            {t('connect')}
          </Button>
        </div>
      ) : snapshot.status === 'failed' ? (
        <Alert tone="error">{te(snapshot.error?.code === 'forbidden' ? 'forbidden' : 'internal')}</Alert>
      ) : snapshot.status === 'connecting' ? (
        <p className="flex items-center gap-2 text-sm text-ink-muted">
          <Spinner size="sm" decorative />
          <span role="status">{t('connecting')}</span>
        </p>
      ) : peers.length === 0 ? (
        <p className="rounded-xl bg-sand-50 p-4 text-sm text-ink-muted">{t('empty')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-sand-200 rounded-xl border border-sand-200" aria-label={t('listLabel')}>
          {peers.map((peer) => {
            const isPinned = pinned === peer.id;
            const onStage = peer.media.mic !== 'off' || peer.media.camera !== 'off' || peer.media.screen !== 'off';
            return (
              <li key={peer.id} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between" data-stage-peer={peer.id}>
                <div className="flex min-w-0 items-center gap-2">
                  <span className="truncate font-medium text-ink">{peer.name}</span>
                  <span className="flex items-center gap-1 text-ink-muted">
                    {peer.media.mic === 'on' ? <IconMic size={16} title={t('micOn')} /> : <IconMicOff size={16} title={peer.media.mic === 'muted' ? t('micMuted') : t('micOff')} className="text-danger-600" />}
                    {peer.media.camera === 'on' ? <IconVideo size={16} title={t('cameraOn')} /> : null}
                  </span>
                  {isPinned ? <span className="rounded-full bg-fjord-50 px-2 py-0.5 text-xs font-semibold text-fjord-700 ring-1 ring-fjord-200">{t('pinnedBadge')}</span> : null}
                  {!onStage ? <span className="text-xs text-ink-muted">{t('offStage')}</span> : null}
                </div>
                <div className="flex flex-wrap gap-1.5">
                  <Button
                    size="sm"
                    variant={isPinned ? 'primary' : 'secondary'}
                    aria-pressed={isPinned}
                    disabled={!live}
                    title={live ? undefined : t('pinWhenLive')}
                    onClick={() =>
                      void run(() => control.pin(isPinned ? null : peer.id), isPinned ? t('unpinned', { name: peer.name }) : t('pinnedSaid', { name: peer.name })).then(
                        (ok) => ok && setPinned(isPinned ? null : peer.id),
                      )
                    }
                    iconStart={<IconPin size={16} />}
                  >
                    {t('pin')}
                    <span className="sr-only"> {peer.name}</span>
                  </Button>
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={peer.media.mic !== 'on'}
                    onClick={() => void run(() => control.mute(peer.id), t('mutedSaid', { name: peer.name }))}
                    iconStart={<IconMicOff size={16} />}
                  >
                    {t('mute')}
                    <span className="sr-only"> {peer.name}</span>
                  </Button>
                  {peer.userId !== hostUserId ? (
                    <Button size="sm" variant="ghost" className="text-danger-700 hover:bg-danger-50" onClick={() => setRemoving(peer)} iconStart={<IconUserMinus size={16} />}>
                      {t('remove')}
                      <span className="sr-only"> {peer.name}</span>
                    </Button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('removeTitle', { name: removing?.name ?? '' })}
        body={t('removeBody')}
        confirm={t('removeConfirm')}
        tone="danger"
        pending={pending}
        error={null}
        onConfirm={() => {
          const peer = removing;
          if (!peer || !control) return;
          setPending(true);
          // NOTE: the server's stage:remove only disconnects the peer, and the meeting page
          // reconnects by itself; taking them off the performers first makes the rejoin fail.
          const remove = async () => {
            const performer = performers.find((p) => p.id === peer.userId);
            if (performer) {
              const result = await eventsApi(`/api/events/${eventId}/performers`, {
                method: 'PUT',
                body: { handles: performers.filter((p) => p.id !== peer.userId).map((p) => p.handle) },
                fallbackMessage: te('internal'),
              });
              if (!result.ok) throw new WatchError('internal', result.error.message);
            }
            await control.remove(peer.id);
            router.refresh();
          };
          void run(remove, t('removedSaid', { name: peer.name })).finally(() => {
            setPending(false);
            setRemoving(null);
          });
        }}
        onClose={() => setRemoving(null)}
      />
    </div>
  );
}
