'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button, ButtonLink } from '@/app/_components/ui/Button';
import { cx } from '@/app/_components/ui/class-names';
import { firstError } from '@/app/_components/ui/Field';
import { IconErrorCircle } from '@/app/_components/ui/Icon';
import { SelectField } from '@/app/_components/ui/SelectField';
import { TextArea } from '@/app/_components/ui/TextArea';
import { TextField } from '@/app/_components/ui/TextField';
import { useFormErrors } from '@/app/spaces/host/_components/use-form-errors';
import { spacesApi } from '@/app/spaces/_lib/spaces-api';
import { JOB_LANGUAGES, JOB_LOCATION_MODES, skillList, type JobFormValues } from '../_lib/job-values';

export type JobFormProps = {
  mode: 'create' | 'edit';
  jobId?: string;
  /** Where "cancel" goes: the list, or the ad's own page. */
  cancelHref: string;
  initial: JobFormValues;
  organisations: Array<{ id: string; name: string }>;
  spaces: Array<{ id: string; name: string; city: string }>;
  /** The allowed closing dates (today .. six months ahead, in Norway). */
  expiryRange: { min: string; max: string };
};

/** A radio group or checkbox list's error, tied to its fieldset. */
function GroupError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="flex items-start gap-1.5 text-sm font-medium text-danger-700">
      <IconErrorCircle size={16} className="mt-0.5 shrink-0" />
      <span>{message}</span>
    </p>
  );
}

const CHOICE =
  'flex cursor-pointer gap-3 rounded-xl border p-3.5 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-fjord-600';

/**
 * Posts or edits a job ad: every field of the server's jobAdSchema. The server validates all
 * of it again and answers field errors in the member's language; focus moves to the first.
 */
export function JobForm({ mode, jobId, cancelHref, initial, organisations, spaces, expiryRange }: JobFormProps) {
  const t = useTranslations('jobs');
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [pending, setPending] = useState(false);
  const { formRef, fields, formMessage, show } = useFormErrors();
  const set = (patch: Partial<JobFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const text = (key: 'title' | 'description' | 'skills' | 'teamMeets' | 'applyUrl' | 'applyEmail' | 'expiresOn' | 'organisationId' | 'language') => ({
    name: key,
    value: values[key],
    onChange: (event: { target: { value: string } }) => set({ [key]: event.target.value }),
    error: fields[key],
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    show(null);
    const body = { ...values, skills: skillList(values.skills) };
    const result =
      mode === 'create'
        ? await spacesApi<{ slug: string }>('/api/hub/jobs', { method: 'POST', body, fallbackMessage: t('form.failed') })
        : await spacesApi<{ slug: string }>(`/api/hub/jobs/${jobId}`, { method: 'PATCH', body, fallbackMessage: t('form.failed') });
    if (!result.ok) {
      setPending(false);
      show(result.error);
      return;
    }
    router.push(`/hub/jobs/${result.data.slug}`);
    router.refresh();
  }

  const modeError = firstError(fields.locationMode);
  const spacesError = firstError(fields.spaceIds);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-8">
      {formMessage || Object.keys(fields).length ? (
        <div data-form-error tabIndex={-1} className="outline-none">
          <Alert tone="error">{formMessage ?? t('form.failed')}</Alert>
        </div>
      ) : null}

      {mode === 'create' ? (
        <SelectField label={t('form.organisation')} {...text('organisationId')} options={organisations.map((o) => ({ value: o.id, label: o.name }))} className="sm:max-w-md" />
      ) : null}

      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_12rem]">
        <TextField label={t('form.title')} {...text('title')} required maxLength={200} lang={values.language} />
        <SelectField label={t('form.language')} {...text('language')} options={JOB_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
      </div>

      <TextArea label={t('form.description')} {...text('description')} required rows={10} maxLength={20_000} hint={t('form.descriptionHint')} lang={values.language} />

      <fieldset className="flex flex-col gap-3" aria-describedby={modeError ? 'locationMode-error' : undefined}>
        <legend className="mb-1 text-sm font-semibold text-ink">{t('form.locationMode')}</legend>
        <div className="grid gap-3 md:grid-cols-3">
          {JOB_LOCATION_MODES.map((locationMode) => {
            const checked = values.locationMode === locationMode;
            return (
              <label key={locationMode} className={cx(CHOICE, checked ? 'border-fjord-500 bg-fjord-50' : 'border-sand-300 bg-white hover:border-fjord-300')}>
                <input
                  type="radio"
                  name="locationMode"
                  value={locationMode}
                  checked={checked}
                  aria-invalid={modeError ? true : undefined}
                  onChange={() => set({ locationMode })}
                  className="mt-0.5 size-5 shrink-0 accent-fjord-700"
                />
                <span>
                  <span className="block font-semibold text-ink">{t(`mode.${locationMode}`)}</span>
                  <span className="block text-sm text-ink-muted">{t(`modeHint.${locationMode}`)}</span>
                </span>
              </label>
            );
          })}
        </div>
        <GroupError id="locationMode-error" message={modeError} />
      </fieldset>

      <div className="grid gap-4 md:grid-cols-2">
        <TextField label={t('form.skills')} {...text('skills')} hint={t('form.skillsHint')} maxLength={600} />
        <TextField label={t('form.teamMeets')} {...text('teamMeets')} required hint={t('form.teamMeetsHint')} maxLength={500} lang={values.language} />
      </div>

      <fieldset className="flex flex-col gap-3">
        <legend className="text-sm font-semibold text-ink">{t('form.applyHeading')}</legend>
        <p className="-mt-1 text-sm text-ink-muted">{t('form.applyHint')}</p>
        <div className="grid gap-4 md:grid-cols-2">
          <TextField label={t('form.applyUrl')} type="url" {...text('applyUrl')} placeholder="https://" maxLength={500} />
          <TextField label={t('form.applyEmail')} type="email" {...text('applyEmail')} maxLength={254} autoComplete="email" />
        </div>
      </fieldset>

      <TextField
        label={t('form.expiresOn')}
        type="date"
        {...text('expiresOn')}
        required
        min={expiryRange.min}
        max={expiryRange.max}
        hint={t('form.expiresHint')}
        className="sm:max-w-xs"
      />

      <fieldset className="flex flex-col gap-3" aria-describedby={spacesError ? 'spaceIds-error' : 'spaceIds-hint'}>
        <legend className="text-sm font-semibold text-ink">{t('form.spaces')}</legend>
        <p id="spaceIds-hint" className="-mt-1 text-sm text-ink-muted">
          {t('form.spacesHint')}
        </p>
        {spaces.length ? (
          <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {spaces.map((space) => {
              const checked = values.spaceIds.includes(space.id);
              return (
                <label key={space.id} className={cx(CHOICE, 'items-center py-2.5', checked ? 'border-fjord-500 bg-fjord-50' : 'border-sand-300 bg-white hover:border-fjord-300')}>
                  <input
                    type="checkbox"
                    checked={checked}
                    aria-invalid={spacesError ? true : undefined}
                    onChange={(event) => set({ spaceIds: event.target.checked ? [...values.spaceIds, space.id] : values.spaceIds.filter((id) => id !== space.id) })}
                    className="size-5 shrink-0 accent-fjord-700"
                  />
                  <span className="min-w-0">
                    <span className="block truncate font-medium text-ink">{space.name}</span>
                    <span className="block text-sm text-ink-muted">{space.city}</span>
                  </span>
                </label>
              );
            })}
          </div>
        ) : (
          <p className="text-sm text-ink-muted">{t('form.noSpaces')}</p>
        )}
        <GroupError id="spaceIds-error" message={spacesError} />
      </fieldset>

      <div className="flex flex-wrap items-center gap-3 border-t border-sand-200 pt-6">
        <Button type="submit" size="lg" loading={pending}>
          {pending ? t('form.submitting') : mode === 'create' ? t('form.submitNew') : t('form.submitEdit')}
        </Button>
        <ButtonLink href={cancelHref} variant="ghost" size="lg">
          {t('form.cancel')}
        </ButtonLink>
      </div>
    </form>
  );
}
