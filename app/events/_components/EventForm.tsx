'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button, ButtonLink } from '@/app/_components/ui/Button';
import { Checkbox } from '@/app/_components/ui/Checkbox';
import { cx } from '@/app/_components/ui/class-names';
import { SelectField } from '@/app/_components/ui/SelectField';
import { TextArea } from '@/app/_components/ui/TextArea';
import { TextField } from '@/app/_components/ui/TextField';
import { IconErrorCircle } from '@/app/_components/ui/Icon';
import type { EventFormValues, EventVisibility } from '../_lib/event-types';
import { eventsApi, type EventsApiError } from '../_lib/events-api';
import { fromWallTime, zonePlace } from '../_lib/wall-time';
import { useAfterRender } from '@/app/_components/use-after-render';

type FieldName = 'title' | 'titleEn' | 'descriptionNb' | 'descriptionEn' | 'startsAt' | 'endsAt' | 'timeZone' | 'visibility' | 'recordingEnabled';
const FIELD_ORDER: FieldName[] = ['title', 'titleEn', 'descriptionNb', 'descriptionEn', 'startsAt', 'endsAt', 'timeZone', 'visibility', 'recordingEnabled'];
const VISIBILITIES: EventVisibility[] = ['public', 'members', 'unlisted'];
const TITLE = { min: 3, max: 160 };
const DESCRIPTION_MAX = 10_000;

/**
 * Creating or editing an event. Times are typed as wall time where the event happens (its time
 * zone) and sent as UTC instants. The browser checks what it can; the server's answer (already
 * in the member's language) is shown beside the field it concerns, and focus goes to the first
 * field that needs fixing.
 */
export function EventForm({
  mode,
  eventId,
  slug,
  initial,
  timeZones,
  recordingAvailable,
}: {
  mode: 'create' | 'edit';
  eventId?: string;
  slug?: string;
  initial: EventFormValues;
  timeZones: string[];
  recordingAvailable: boolean;
}) {
  const t = useTranslations('events.form');
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const afterRender = useAfterRender();
  const [values, setValues] = useState<EventFormValues>(initial);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const visibilityHintId = useId();
  const formErrorId = useId();

  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setSaved(false);
  };

  function focusFirstError(found: Partial<Record<FieldName, string>>) {
    afterRender(() => {
      const first = FIELD_ORDER.find((name) => found[name]);
      const target = first
        ? formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)
        : formRef.current?.querySelector<HTMLElement>('[data-form-error]');
      target?.focus();
    });
  }

  function check(): { found: Partial<Record<FieldName, string>>; startsAt: string | null; endsAt: string | null } {
    const found: Partial<Record<FieldName, string>> = {};
    const title = values.title.trim();
    if (title.length < TITLE.min || title.length > TITLE.max) found.title = t('errors.title', TITLE);
    const titleEn = values.titleEn.trim();
    if (titleEn && (titleEn.length < TITLE.min || titleEn.length > TITLE.max)) found.titleEn = t('errors.title', TITLE);
    if (!values.descriptionNb.trim()) found.descriptionNb = t('errors.description');
    if (!values.descriptionEn.trim()) found.descriptionEn = t('errors.description');
    const startsAt = fromWallTime(values.startsLocal, values.timeZone);
    const endsAt = fromWallTime(values.endsLocal, values.timeZone);
    if (!startsAt) found.startsAt = t('errors.date');
    if (!endsAt) found.endsAt = t('errors.date');
    if (startsAt && endsAt) {
      const duration = Date.parse(endsAt) - Date.parse(startsAt);
      if (duration <= 0) found.endsAt = t('errors.endBeforeStart');
      else if (duration > 24 * 3_600_000) found.endsAt = t('errors.tooLong');
    }
    return { found, startsAt, endsAt };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    const { found, startsAt, endsAt } = check();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError(found);
      return;
    }
    setPending(true);
    const body = {
      title: values.title.trim(),
      titleEn: values.titleEn.trim(),
      descriptionNb: values.descriptionNb.trim(),
      descriptionEn: values.descriptionEn.trim(),
      startsAt,
      endsAt,
      timeZone: values.timeZone,
      visibility: values.visibility,
      recordingEnabled: recordingAvailable && values.recordingEnabled,
    };
    const result = await eventsApi<{ event: { slug: string } }>(mode === 'create' ? '/api/events' : `/api/events/${eventId}`, {
      method: mode === 'create' ? 'POST' : 'PATCH',
      body,
      fallbackMessage: t('errors.generic'),
    });
    if (result.ok) {
      if (mode === 'create') {
        router.push(`/events/${result.data.event.slug}?created=1`);
        // Stay pending: the page is changing.
        return;
      }
      setPending(false);
      setSaved(true);
      router.refresh();
      return;
    }
    setPending(false);
    showServerError(result.error);
  }

  function showServerError(error: EventsApiError) {
    const fields = (error.fields ?? {}) as Partial<Record<FieldName | 'form', string>>;
    const found: Partial<Record<FieldName, string>> = {};
    for (const name of FIELD_ORDER) if (fields[name]) found[name] = fields[name];
    setErrors(found);
    if (Object.keys(found).length === 0 || fields.form) setFormError(fields.form ?? error.message);
    focusFirstError(found);
  }

  const errorCount = Object.keys(errors).length;
  return (
    <form ref={formRef} noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-8">
      {formError ? (
        <div tabIndex={-1} data-form-error="" id={formErrorId} className="outline-none">
          <Alert tone="error">{formError}</Alert>
        </div>
      ) : errorCount > 0 ? (
        <p role="alert" className="flex items-center gap-2 text-sm font-semibold text-danger-700">
          <IconErrorCircle size={18} />
          {t('errors.summary', { count: errorCount })}
        </p>
      ) : null}
      {saved ? <Alert tone="success">{t('saved')}</Alert> : null}

      <fieldset className="flex flex-col gap-5">
        <legend className="mb-4 text-lg font-semibold text-ink">{t('sections.about')}</legend>
        <TextField
          name="title"
          label={t('title')}
          hint={t('titleHint')}
          value={values.title}
          maxLength={TITLE.max}
          onChange={(e) => set('title', e.target.value)}
          error={errors.title}
          required
        />
        <TextField
          name="titleEn"
          lang="en"
          label={t('titleEn')}
          hint={t('titleEnHint')}
          value={values.titleEn}
          maxLength={TITLE.max}
          onChange={(e) => set('titleEn', e.target.value)}
          error={errors.titleEn}
        />
        <div className="grid gap-5 lg:grid-cols-2">
          <TextArea
            name="descriptionNb"
            lang="nb"
            label={t('descriptionNb')}
            hint={t('descriptionNbHint')}
            rows={6}
            maxLength={DESCRIPTION_MAX}
            value={values.descriptionNb}
            onChange={(e) => set('descriptionNb', e.target.value)}
            error={errors.descriptionNb}
            required
          />
          <TextArea
            name="descriptionEn"
            lang="en"
            label={t('descriptionEn')}
            hint={t('descriptionEnHint')}
            rows={6}
            maxLength={DESCRIPTION_MAX}
            value={values.descriptionEn}
            onChange={(e) => set('descriptionEn', e.target.value)}
            error={errors.descriptionEn}
            required
          />
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-5">
        <legend className="mb-1 text-lg font-semibold text-ink">{t('sections.when')}</legend>
        <p className="-mt-1 mb-1 text-sm text-ink-muted">{t('whenHint', { place: zonePlace(values.timeZone) })}</p>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            name="startsAt"
            type="datetime-local"
            label={t('startsAt')}
            value={values.startsLocal}
            onChange={(e) => set('startsLocal', e.target.value)}
            error={errors.startsAt}
            required
          />
          <TextField
            name="endsAt"
            type="datetime-local"
            label={t('endsAt')}
            value={values.endsLocal}
            min={values.startsLocal || undefined}
            onChange={(e) => set('endsLocal', e.target.value)}
            error={errors.endsAt}
            required
          />
        </div>
        <SelectField
          name="timeZone"
          label={t('timeZone')}
          hint={t('timeZoneHint')}
          value={values.timeZone}
          onChange={(e) => set('timeZone', e.target.value)}
          error={errors.timeZone}
          options={timeZones.map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }))}
          className="sm:max-w-md"
        />
      </fieldset>

      <fieldset className="flex flex-col gap-3" aria-describedby={visibilityHintId}>
        <legend className="mb-1 text-lg font-semibold text-ink">{t('visibility')}</legend>
        <p id={visibilityHintId} className="-mt-1 mb-1 text-sm text-ink-muted">
          {t('visibilityHint')}
        </p>
        <div className="grid gap-3 md:grid-cols-3">
          {VISIBILITIES.map((option) => (
            <label
              key={option}
              className={cx(
                'relative flex cursor-pointer gap-3 rounded-xl border bg-white p-4 transition-colors',
                'has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-fjord-500',
                values.visibility === option ? 'border-fjord-500 bg-fjord-50 ring-1 ring-fjord-500' : 'border-sand-300 hover:border-fjord-300',
              )}
            >
              <input
                type="radio"
                name="visibility"
                value={option}
                checked={values.visibility === option}
                onChange={() => set('visibility', option)}
                className="mt-1 size-4 shrink-0 accent-fjord-600 focus-visible:outline-none"
              />
              <span className="flex flex-col gap-1">
                <span className="font-semibold text-ink">{t(`visibilityOptions.${option}.label`)}</span>
                <span className="text-sm text-ink-muted">{t(`visibilityOptions.${option}.hint`)}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.visibility ? <p className="text-sm font-medium text-danger-700">{errors.visibility}</p> : null}
      </fieldset>

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-lg font-semibold text-ink">{t('sections.recording')}</legend>
        <Checkbox
          name="recordingEnabled"
          label={t('recording')}
          hint={recordingAvailable ? t('recordingHint') : t('recordingUnavailable')}
          checked={recordingAvailable && values.recordingEnabled}
          disabled={!recordingAvailable}
          onChange={(e) => set('recordingEnabled', e.target.checked)}
          error={errors.recordingEnabled}
        />
      </fieldset>

      <div className="flex flex-col-reverse gap-3 border-t border-sand-200 pt-6 sm:flex-row sm:justify-end">
        <ButtonLink href={mode === 'edit' && slug ? `/events/${slug}` : '/events'} variant="secondary">
          {t('cancel')}
        </ButtonLink>
        <Button type="submit" loading={pending}>
          {mode === 'create' ? t('submitCreate') : t('submitEdit')}
        </Button>
      </div>
    </form>
  );
}
