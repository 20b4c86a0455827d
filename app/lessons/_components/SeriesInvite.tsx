'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { TextField } from '@/app/_components/ui/TextField';
import { createSeriesInviteAction } from '../actions';
import { lessonActionError } from '../_lib/action-errors';
import { CopyField } from './CopyField';

/** The teacher makes an expiring invite link for the school and copies it. */
export function SeriesInvite({ seriesId }: { seriesId: string }) {
  const t = useTranslations('lessons.invite');
  const te = useTranslations('errors');
  const format = useFormatter();
  const [invite, setInvite] = useState<{ url: string; expiresAt: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const days = String(new FormData(event.currentTarget).get('days') ?? '');
    startTransition(async () => {
      const result = await createSeriesInviteAction(seriesId, { days });
      if (!result.ok) {
        setErrors(Object.fromEntries(Object.entries(result.errors).map(([field, code]) => [field, lessonActionError(code, te)])));
        return;
      }
      setErrors({});
      setInvite({ url: result.url, expiresAt: result.expiresAt });
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" noValidate>
        <TextField
          label={t('days')}
          name="days"
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          step={1}
          defaultValue={30}
          hint={t('daysHint')}
          error={errors.days}
          inputClassName="max-w-28"
        />
        <Button type="submit" variant="secondary" loading={pending} className="mb-[1.625rem]">
          {pending ? t('creating') : t('create')}
        </Button>
      </form>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <div aria-live="polite">
        {invite ? (
          <CopyField
            id={`invite-${seriesId}`}
            label={t('url')}
            value={invite.url}
            hint={t('expires', { date: format.dateTime(new Date(invite.expiresAt), { dateStyle: 'long', timeStyle: 'short' }) })}
            labels={{ copy: t('copy'), copied: t('copied'), copyFailed: t('copyFailed') }}
          />
        ) : null}
      </div>
    </div>
  );
}
