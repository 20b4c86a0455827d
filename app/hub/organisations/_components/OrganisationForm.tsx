'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { TextField } from '@/app/_components/ui/TextField';
import { useFormErrors } from '@/app/spaces/host/_components/use-form-errors';
import { spacesApi } from '@/app/spaces/_lib/spaces-api';

/** Creates an organisation with the member as its first member, then goes on to `next`. */
export function OrganisationForm({ next }: { next: string }) {
  const t = useTranslations('jobs.organisations');
  const router = useRouter();
  const [values, setValues] = useState({ name: '', website: '' });
  const [pending, setPending] = useState(false);
  const { formRef, fields, formMessage, show } = useFormErrors();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    show(null);
    const result = await spacesApi<{ id: string }>('/api/hub/organisations', { method: 'POST', body: values, fallbackMessage: t('createFailed') });
    if (!result.ok) {
      setPending(false);
      show(result.error);
      return;
    }
    router.push(next);
    router.refresh();
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {formMessage || Object.keys(fields).length ? (
        <div data-form-error tabIndex={-1} className="outline-none">
          <Alert tone="error">{formMessage ?? t('createFailed')}</Alert>
        </div>
      ) : null}
      <TextField
        label={t('name')}
        name="name"
        value={values.name}
        onChange={(event) => setValues((v) => ({ ...v, name: event.target.value }))}
        error={fields.name}
        required
        maxLength={120}
        autoComplete="organization"
      />
      <TextField
        label={t('websiteField')}
        name="website"
        type="url"
        value={values.website}
        onChange={(event) => setValues((v) => ({ ...v, website: event.target.value }))}
        error={fields.website}
        hint={t('websiteHint')}
        optional
        placeholder="https://"
        maxLength={300}
      />
      <Button type="submit" size="lg" loading={pending} className="self-start">
        {pending ? t('creating') : t('create')}
      </Button>
    </form>
  );
}
