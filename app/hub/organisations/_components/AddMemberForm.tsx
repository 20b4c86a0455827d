'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { TextField } from '@/app/_components/ui/TextField';
import { useFormErrors } from '@/app/spaces/host/_components/use-form-errors';
import { spacesApi } from '@/app/spaces/_lib/spaces-api';

/** Adds a colleague with an account to the organisation, by email. */
export function AddMemberForm({ organisationId }: { organisationId: string }) {
  const t = useTranslations('jobs.organisations');
  const router = useRouter();
  const id = useId();
  const [email, setEmail] = useState('');
  const [pending, setPending] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const { formRef, fields, formMessage, show } = useFormErrors();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setAdded(null);
    show(null);
    const result = await spacesApi<{ name: string }>(`/api/hub/organisations/${organisationId}/members`, { method: 'POST', body: { email }, fallbackMessage: t('failed') });
    setPending(false);
    if (!result.ok) {
      show(result.error);
      return;
    }
    setEmail('');
    setAdded(t('added', { name: result.data.name }));
    router.refresh();
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`} className="flex flex-col gap-3">
      <h3 id={`${id}-heading`} className="text-base font-semibold text-ink">
        {t('addMember')}
      </h3>
      {formMessage ? (
        <div data-form-error tabIndex={-1} className="outline-none">
          <Alert tone="error">{formMessage}</Alert>
        </div>
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <TextField
          label={t('addMemberEmail')}
          type="email"
          name="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fields.email}
          hint={t('addMemberHint')}
          required
          maxLength={254}
          autoComplete="off"
          className="min-w-0 flex-1"
        />
        <Button type="submit" variant="secondary" loading={pending} className="sm:mt-7">
          {t('addMemberSubmit')}
        </Button>
      </div>
      <p aria-live="polite" className="text-sm font-medium text-success-700">
        {added}
      </p>
    </form>
  );
}
