'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { Checkbox } from '@/app/_components/ui/Checkbox';
import { IconArrowRight, IconErrorCircle } from '@/app/_components/ui/Icon';
import { TextArea } from '@/app/_components/ui/TextArea';
import { TextField } from '@/app/_components/ui/TextField';
import { spacesApi } from '@/app/spaces/_lib/spaces-api';
import { useAfterRender } from '@/app/_components/use-after-render';

const FIELD_ORDER = ['organisation', 'contactName', 'contactEmail', 'groupSize', 'wantedFrom', 'wantedTo', 'themes', 'meetWishes', 'consentPublic'] as const;
type FieldName = (typeof FIELD_ORDER)[number];

/**
 * The study-trip request. The server checks everything (its messages come back in the
 * visitor's language, beside their fields); on success the visitor lands on the status page.
 */
export function StudyTripForm({ themes, defaults, today }: { themes: readonly string[]; defaults: { contactName: string; contactEmail: string }; today: string }) {
  const t = useTranslations('studyTrips.form');
  const tt = useTranslations('studyTrips.themes');
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const afterRender = useAfterRender();
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [from, setFrom] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const body = {
      organisation: String(form.get('organisation') ?? ''),
      contactName: String(form.get('contactName') ?? ''),
      contactEmail: String(form.get('contactEmail') ?? ''),
      groupSize: String(form.get('groupSize') ?? ''),
      wantedFrom: String(form.get('wantedFrom') ?? ''),
      wantedTo: String(form.get('wantedTo') ?? ''),
      themes: form.getAll('themes').map(String),
      meetWishes: String(form.get('meetWishes') ?? ''),
      consentPublic: form.get('consentPublic') === 'on',
    };
    setPending(true);
    setFormError(null);
    const result = await spacesApi<{ token: string }>('/api/hub/study-trips', { method: 'POST', body, fallbackMessage: t('failed') });
    if (result.ok) {
      router.push(`/hub/study-trips/status/${result.data.token}?sent=1`);
      return; // stays pending while the page changes
    }
    setPending(false);
    const fields = (result.error.fields ?? {}) as Partial<Record<FieldName | 'form', string>>;
    const found: Partial<Record<FieldName, string>> = {};
    for (const name of FIELD_ORDER) if (fields[name]) found[name] = fields[name];
    setErrors(found);
    if (Object.keys(found).length === 0 || fields.form) setFormError(fields.form ?? result.error.message);
    afterRender(() => {
      const first = FIELD_ORDER.find((name) => found[name]);
      const target = first ? formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`) : formRef.current?.querySelector<HTMLElement>('[data-form-error]');
      target?.focus();
    });
  }

  const errorCount = Object.keys(errors).length;
  return (
    <form ref={formRef} noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-8" aria-busy={pending}>
      {formError ? (
        <div tabIndex={-1} data-form-error="" className="outline-none">
          <Alert tone="error">{formError}</Alert>
        </div>
      ) : errorCount > 0 ? (
        <p role="alert" className="flex items-center gap-2 text-sm font-semibold text-danger-700">
          <IconErrorCircle size={18} />
          {t('errorSummary', { count: errorCount })}
        </p>
      ) : null}

      <fieldset className="flex flex-col gap-5">
        <legend className="mb-4 text-lg font-semibold text-ink">{t('sections.group')}</legend>
        <TextField name="organisation" label={t('organisation')} hint={t('organisationHint')} maxLength={160} autoComplete="organization" error={errors.organisation} required />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField name="contactName" label={t('contactName')} defaultValue={defaults.contactName} maxLength={120} autoComplete="name" error={errors.contactName} required />
          <TextField
            name="contactEmail"
            type="email"
            label={t('contactEmail')}
            hint={t('contactEmailHint')}
            defaultValue={defaults.contactEmail}
            autoComplete="email"
            error={errors.contactEmail}
            required
          />
        </div>
        <TextField name="groupSize" type="number" inputMode="numeric" min={1} max={500} label={t('groupSize')} error={errors.groupSize} className="sm:max-w-48" required />
      </fieldset>

      <fieldset className="flex flex-col gap-5">
        <legend className="mb-1 text-lg font-semibold text-ink">{t('sections.when')}</legend>
        <p className="-mt-1 text-sm text-ink-muted">{t('whenHint')}</p>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField name="wantedFrom" type="date" min={today} label={t('wantedFrom')} onChange={(e) => setFrom(e.target.value)} error={errors.wantedFrom} required />
          <TextField name="wantedTo" type="date" min={from || today} label={t('wantedTo')} error={errors.wantedTo} required />
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-3" aria-describedby="study-trip-themes-hint">
        <legend className="mb-1 text-lg font-semibold text-ink">{t('sections.themes')}</legend>
        <p id="study-trip-themes-hint" className="-mt-1 mb-1 text-sm text-ink-muted">
          {t('themesHint')}
        </p>
        <div className="grid gap-3 sm:grid-cols-2">
          {themes.map((theme, index) => (
            <Checkbox
              key={theme}
              name="themes"
              value={theme}
              label={tt(theme as 'remote_work')}
              aria-invalid={errors.themes ? true : undefined}
              // The first box carries the error, so focus lands there.
              aria-describedby={index === 0 && errors.themes ? 'study-trip-themes-error' : undefined}
              className="rounded-xl border border-sand-200 bg-white p-3 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-fjord-500"
            />
          ))}
        </div>
        {errors.themes ? (
          <p id="study-trip-themes-error" className="flex items-center gap-1.5 text-sm font-medium text-danger-700">
            <IconErrorCircle size={16} />
            {errors.themes}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="flex flex-col gap-5">
        <legend className="mb-4 text-lg font-semibold text-ink">{t('sections.meet')}</legend>
        <TextArea name="meetWishes" label={t('meetWishes')} hint={t('meetWishesHint')} rows={4} maxLength={2000} error={errors.meetWishes} optional />
        <Checkbox name="consentPublic" label={t('consent')} hint={t('consentHint')} error={errors.consentPublic} />
      </fieldset>

      <div className="flex justify-end border-t border-sand-200 pt-6">
        <Button type="submit" loading={pending} iconEnd={<IconArrowRight size={18} />}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}
