'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Badge } from '@/app/_components/ui/Badge';
import { Button } from '@/app/_components/ui/Button';
import { Dialog } from '@/app/_components/ui/Dialog';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconCalendar, IconRefresh } from '@/app/_components/ui/Icon';
import { TextField } from '@/app/_components/ui/TextField';
import { cancelDateAction, moveDateAction, undoExceptionAction, type LessonActionResult } from '../actions';
import { lessonActionError } from '../_lib/action-errors';
import { useAfterRender } from '@/app/_components/use-after-render';
import { MAX_MOVE_DAYS } from '@/server/lessons/schedule';
import { addDays } from '@/server/spaces/local-time';

/** One upcoming lesson, already formatted in the series' zone by the server. */
export interface ScheduleItem {
  /** The planned local date (the key of its exception). */
  date: string;
  status: 'scheduled' | 'moved' | 'canceled';
  /** "tirsdag 23. mars 2027". */
  dayLabel: string;
  /** "18:00–18:45". */
  timesLabel: string;
  /** For a moved lesson: the planned day it was moved from. */
  plannedLabel: string | null;
  note: string | null;
  /** Current local date, start and length: the move form's defaults. */
  localDate: string;
  localStart: string;
  durationMinutes: number;
  startsAt: string;
}

const STATUS_TONE = { scheduled: 'primary', moved: 'warning', canceled: 'danger' } as const;
/** A school year has some eighty lessons: show the next few, the rest on request. */
const FIRST_SHOWN = 10;

export function ScheduleList({ seriesId, items, zone }: { seriesId: string; items: ScheduleItem[]; zone: string }) {
  const t = useTranslations('lessons.series');
  const tf = useTranslations('lessons.form');
  const te = useTranslations('errors');
  const router = useRouter();
  const [dialog, setDialog] = useState<{ kind: 'cancel' | 'move'; item: ScheduleItem } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState('');
  const [pending, startTransition] = useTransition();
  const [undoing, setUndoing] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const afterRender = useAfterRender();
  const shown = showAll ? items : items.slice(0, FIRST_SHOWN);

  const open = (kind: 'cancel' | 'move', item: ScheduleItem) => {
    setErrors({});
    setDialog({ kind, item });
  };

  function finish(result: LessonActionResult, message: string) {
    if (!result.ok) {
      setErrors(Object.fromEntries(Object.entries(result.errors).map(([field, code]) => [field, lessonActionError(code, te)])));
      return false;
    }
    setErrors({});
    setDialog(null);
    setAnnouncement(message);
    router.refresh();
    return true;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!dialog) return;
    const form = new FormData(event.currentTarget);
    const { item, kind } = dialog;
    const note = String(form.get('note') ?? '');
    startTransition(async () => {
      if (kind === 'cancel') {
        finish(await cancelDateAction(seriesId, { date: item.date, note }), t('announce.canceled', { date: item.dayLabel }));
      } else {
        const input = {
          date: item.date,
          toDate: String(form.get('toDate') ?? ''),
          start: String(form.get('start') ?? ''),
          durationMinutes: String(form.get('durationMinutes') ?? ''),
          note,
        };
        finish(await moveDateAction(seriesId, input), t('announce.moved', { date: item.dayLabel }));
      }
    });
  }

  function undo(item: ScheduleItem) {
    setUndoing(item.date);
    startTransition(async () => {
      const result = await undoExceptionAction(seriesId, { date: item.date });
      setUndoing(null);
      if (!result.ok) setAnnouncement(lessonActionError(Object.values(result.errors)[0] ?? 'generic', te));
      else finish(result, t('announce.restored', { date: item.dayLabel }));
    });
  }

  if (items.length === 0) return <EmptyState icon={<IconCalendar size={28} />} headingLevel={3} title={t('noUpcoming')} />;

  return (
    <>
      <p aria-live="polite" role="status" className="text-sm font-medium text-success-700 empty:sr-only">
        {announcement}
      </p>
      <ol ref={list} className="flex flex-col divide-y divide-sand-200 overflow-hidden rounded-2xl border border-sand-200 bg-white">
        {shown.map((item) => (
          <li key={item.date} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <time dateTime={item.startsAt} className={item.status === 'canceled' ? 'font-semibold text-ink-muted line-through first-letter:uppercase' : 'font-semibold text-ink first-letter:uppercase'}>
                  {item.dayLabel}
                </time>
                <span className={item.status === 'canceled' ? 'text-ink-muted line-through' : 'text-ink'}>{item.timesLabel}</span>
                <Badge tone={STATUS_TONE[item.status]}>{t(`status.${item.status}`)}</Badge>
              </p>
              {item.plannedLabel || item.note ? (
                <p className="mt-1 text-sm text-ink-muted">
                  {item.plannedLabel ? t('movedFrom', { date: item.plannedLabel }) : null}
                  {item.plannedLabel && item.note ? ' · ' : null}
                  {item.note}
                </p>
              ) : null}
            </div>
            <div className="flex shrink-0 flex-wrap gap-2">
              {item.status !== 'canceled' ? (
                <Button size="sm" variant="secondary" onClick={() => open('move', item)} aria-label={t('moveLabel', { date: item.dayLabel })}>
                  {t('move')}
                </Button>
              ) : null}
              {item.status === 'scheduled' ? (
                <Button size="sm" variant="ghost" onClick={() => open('cancel', item)} aria-label={t('cancelLabel', { date: item.dayLabel })}>
                  {t('cancel')}
                </Button>
              ) : (
                <Button
                  size="sm"
                  variant="ghost"
                  loading={undoing === item.date}
                  iconStart={<IconRefresh size={16} />}
                  onClick={() => undo(item)}
                  aria-label={t('undoLabel', { date: item.dayLabel })}
                >
                  {t('undo')}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ol>
      {items.length > shown.length ? (
        <Button variant="secondary" className="self-start" onClick={() => {
            setShowAll(true);
            // The button goes away: continue from the first lesson that was hidden.
            afterRender(() => list.current?.children[FIRST_SHOWN]?.querySelector<HTMLElement>('button')?.focus());
          }}>
          {t('showAll', { count: items.length })}
        </Button>
      ) : null}
      <Dialog
        open={dialog !== null}
        onClose={() => !pending && setDialog(null)}
        title={dialog ? t(dialog.kind === 'cancel' ? 'cancelTitle' : 'moveTitle', { date: dialog.item.dayLabel }) : ''}
        description={dialog ? (dialog.kind === 'cancel' ? t('cancelBody') : t('moveBody', { zone })) : undefined}
      >
        {dialog ? (
          <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
            {errors.form || errors.date ? <Alert tone="error">{errors.form ?? errors.date}</Alert> : null}
            {dialog.kind === 'move' ? (
              <div className="grid grid-cols-2 gap-4">
                <TextField label={t('moveDate')} name="toDate" type="date" required defaultValue={dialog.item.localDate} min={addDays(dialog.item.date, -MAX_MOVE_DAYS)} max={addDays(dialog.item.date, MAX_MOVE_DAYS)} error={errors.toDate} className="col-span-2 sm:col-span-1" />
                <TextField label={t('moveStart')} name="start" type="time" required defaultValue={dialog.item.localStart} error={errors.start} />
                <TextField
                  label={tf('duration')}
                  name="durationMinutes"
                  type="number"
                  inputMode="numeric"
                  min={5}
                  max={600}
                  step={5}
                  required
                  defaultValue={dialog.item.durationMinutes}
                  error={errors.durationMinutes}
                />
              </div>
            ) : null}
            <TextField label={t('note')} name="note" maxLength={200} placeholder={t('notePlaceholder')} defaultValue={dialog.item.note ?? ''} error={errors.note} optional />
            <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
              <Button variant="secondary" onClick={() => setDialog(null)} disabled={pending}>
                {t('keep')}
              </Button>
              <Button type="submit" variant={dialog.kind === 'cancel' ? 'danger' : 'primary'} loading={pending}>
                {dialog.kind === 'cancel' ? t('confirmCancel') : t('confirmMove')}
              </Button>
            </div>
          </form>
        ) : null}
      </Dialog>
    </>
  );
}
