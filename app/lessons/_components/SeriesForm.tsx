'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { Checkbox } from '@/app/_components/ui/Checkbox';
import { firstError } from '@/app/_components/ui/Field';
import { IconArrowRight, IconCheck, IconErrorCircle } from '@/app/_components/ui/Icon';
import { SelectField } from '@/app/_components/ui/SelectField';
import { TextField } from '@/app/_components/ui/TextField';
import { createSeriesAction, updateSeriesAction } from '../actions';
import { LESSON_TIME_ZONES, lessonActionError } from '../_lib/action-errors';
import { weekdayName } from '../_lib/lesson-format';
import { useAfterRender } from '@/app/_components/use-after-render';

export interface SeriesFormValues {
  title: string;
  weekdays: number[];
  start: string;
  durationMinutes: number;
  startsOn: string;
  endsOn: string;
  timeZone: string;
}

/** Creates a series (then opens its page), or edits one (`seriesId`). */
export function SeriesForm({ initial, seriesId }: { initial: SeriesFormValues; seriesId?: string }) {
  const t = useTranslations('lessons.form');
  const te = useTranslations('errors');
  const locale = useLocale();
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const [navigating, setNavigating] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const afterRender = useAfterRender();
  const idPrefix = seriesId ? 'edit-series' : 'new-series';
  const zones = LESSON_TIME_ZONES.includes(initial.timeZone as (typeof LESSON_TIME_ZONES)[number]) ? LESSON_TIME_ZONES : [initial.timeZone, ...LESSON_TIME_ZONES];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      title: String(form.get('title') ?? ''),
      weekdays: form.getAll('weekdays').map(String),
      start: String(form.get('start') ?? ''),
      durationMinutes: String(form.get('durationMinutes') ?? ''),
      startsOn: String(form.get('startsOn') ?? ''),
      endsOn: String(form.get('endsOn') ?? ''),
      timeZone: String(form.get('timeZone') ?? ''),
    };
    setSaved(false);
    startTransition(async () => {
      const result = seriesId ? await updateSeriesAction(seriesId, input) : await createSeriesAction(input);
      if (!result.ok) {
        setErrors(Object.fromEntries(Object.entries(result.errors).map(([field, code]) => [field, lessonActionError(code, te)])));
        afterRender(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]')?.focus());
        return;
      }
      setErrors({});
      if ('id' in result) {
        setNavigating(true);
        router.push(`/lessons/${result.id}`);
      } else {
        setSaved(true);
        router.refresh();
      }
    });
  }

  const busy = pending || navigating;
  const weekdayError = firstError(errors.weekdays);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-busy={busy}>
      {errors.form ? (
        <div data-form-error tabIndex={-1} className="outline-none">
          <Alert tone="error">{errors.form}</Alert>
        </div>
      ) : null}
      <TextField
        id={`${idPrefix}-title`}
        label={t('title')}
        name="title"
        required
        maxLength={120}
        autoComplete="off"
        placeholder={t('titlePlaceholder')}
        defaultValue={initial.title}
        error={errors.title}
      />
      <fieldset aria-describedby={weekdayError ? `${idPrefix}-weekdays-error` : undefined}>
        <legend className="text-sm font-semibold text-ink">{t('weekdays')}</legend>
        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2.5">
          {[1, 2, 3, 4, 5, 6, 7].map((day) => (
            <Checkbox
              key={day}
              id={`${idPrefix}-weekday-${day}`}
              name="weekdays"
              value={String(day)}
              defaultChecked={initial.weekdays.includes(day)}
              label={<span className="capitalize">{weekdayName(day, locale)}</span>}
              aria-invalid={weekdayError ? true : undefined}
            />
          ))}
        </div>
        {weekdayError ? (
          <p id={`${idPrefix}-weekdays-error`} className="mt-2 flex items-start gap-1.5 text-sm font-medium text-danger-700">
            <IconErrorCircle size={16} className="mt-0.5 shrink-0" />
            <span>{weekdayError}</span>
          </p>
        ) : null}
      </fieldset>
      <div className="grid grid-cols-2 gap-4">
        <TextField id={`${idPrefix}-start`} label={t('start')} name="start" type="time" required defaultValue={initial.start} error={errors.start} />
        <TextField
          id={`${idPrefix}-duration`}
          label={t('duration')}
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={5}
          max={600}
          step={5}
          required
          defaultValue={initial.durationMinutes}
          error={errors.durationMinutes}
        />
        <TextField id={`${idPrefix}-starts-on`} label={t('startsOn')} name="startsOn" type="date" required defaultValue={initial.startsOn} error={errors.startsOn} />
        <TextField id={`${idPrefix}-ends-on`} label={t('endsOn')} name="endsOn" type="date" required defaultValue={initial.endsOn} error={errors.endsOn} />
      </div>
      <SelectField
        id={`${idPrefix}-time-zone`}
        label={t('timeZone')}
        name="timeZone"
        defaultValue={initial.timeZone}
        options={zones.map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }))}
        hint={t('timeZoneHint')}
        error={errors.timeZone}
      />
      {seriesId ? <p className="text-sm text-ink-muted">{t('editHint')}</p> : null}
      <div className="mt-1 flex flex-wrap items-center gap-3">
        <Button type="submit" loading={busy} iconEnd={busy || seriesId ? undefined : <IconArrowRight size={18} />}>
          {seriesId ? (busy ? t('saving') : t('save')) : busy ? t('submitting') : t('submit')}
        </Button>
        <p role="status" className="flex items-center gap-1.5 text-sm font-medium text-success-700 empty:hidden">
          {saved ? (
            <>
              <IconCheck size={16} />
              {t('saved')}
            </>
          ) : null}
        </p>
      </div>
    </form>
  );
}
