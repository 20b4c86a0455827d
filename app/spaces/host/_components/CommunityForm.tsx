'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { TextArea } from '@/app/_components/ui/TextArea';
import { spacesApi } from '../../_lib/spaces-api';
import { COMMUNITY_KEYS, type CommunityValues } from './host-values';
import { useFormErrors } from './use-form-errors';

/** The host community panel of the space's municipality, in both languages (communitySchema). */
export function CommunityForm({ spaceId, municipality, initial }: { spaceId: string; municipality: string; initial: CommunityValues }) {
  const t = useTranslations('spaces.hostCommunity');
  const tc = useTranslations('spaces.space.community');
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const { formRef, fields, formMessage, show } = useFormErrors();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setSaved(false);
    show(null);
    const result = await spacesApi(`/api/spaces/${spaceId}/community`, { method: 'PUT', body: values, fallbackMessage: t('saveFailed') });
    setPending(false);
    if (!result.ok) {
      show(result.error);
      return;
    }
    setSaved(true);
    router.refresh();
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <Alert tone="info" role="none">
        {t('shared', { municipality })}
      </Alert>
      {formMessage || Object.keys(fields).length ? (
        <div data-form-error tabIndex={-1} className="outline-none">
          <Alert tone="error">{formMessage ?? t('fixFields')}</Alert>
        </div>
      ) : null}
      {COMMUNITY_KEYS.map((key) => (
        <fieldset key={key} className="flex flex-col gap-3">
          <legend className="mb-1 text-base font-semibold text-ink">{tc(key)}</legend>
          <div className="grid gap-4 md:grid-cols-2">
            {(['Nb', 'En'] as const).map((lang) => {
              const name = `${key}${lang}` as keyof CommunityValues;
              return (
                <TextArea
                  key={name}
                  label={lang === 'Nb' ? t('norwegian') : t('english')}
                  lang={lang === 'Nb' ? 'nb' : 'en'}
                  rows={3}
                  maxLength={1000}
                  optional
                  value={values[name]}
                  onChange={(event) => {
                    setSaved(false);
                    setValues((v) => ({ ...v, [name]: event.target.value }));
                  }}
                  error={fields[name]}
                />
              );
            })}
          </div>
        </fieldset>
      ))}
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" loading={pending}>
          {t('save')}
        </Button>
        <p aria-live="polite" className="text-sm font-medium text-success-700">
          {saved ? t('saved') : null}
        </p>
      </div>
    </form>
  );
}
