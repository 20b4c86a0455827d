'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { SelectField } from '@/app/_components/ui/SelectField';
import { Button } from '@/app/_components/ui/Button';
import { TextField } from '@/app/_components/ui/TextField';
import { saveProfileAction } from './actions';
import { useAfterRender } from '@/app/_components/use-after-render';

type Profile = { displayName: string; homeMunicipality: string; locale: 'nb' | 'en' };

export function ProfileForm({ initial }: { initial: Profile }) {
  const t = useTranslations('profile');
  const te = useTranslations('errors');
  const tl = useTranslations('common.language');
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const afterRender = useAfterRender();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      displayName: String(form.get('displayName') ?? ''),
      homeMunicipality: String(form.get('homeMunicipality') ?? ''),
      locale: String(form.get('locale') ?? ''),
    };
    setSaved(false);
    startTransition(async () => {
      const result = await saveProfileAction(input);
      if (!result.ok) {
        setErrors(Object.fromEntries(Object.entries(result.errors).map(([f, code]) => [f, te(code as 'generic', { max: 80 })])));
        afterRender(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]')?.focus());
        return;
      }
      setErrors({});
      setSaved(true);
      router.refresh();
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="mt-4 flex flex-col gap-4" noValidate aria-busy={pending}>
      {errors.form ? (
        <div data-form-error tabIndex={-1} className="outline-none">
          <Alert tone="error">{errors.form}</Alert>
        </div>
      ) : null}
      <TextField label={t('displayName')} name="displayName" defaultValue={initial.displayName} autoComplete="name" required maxLength={80} error={errors.displayName} />
      <TextField
        label={t('homeMunicipality')}
        name="homeMunicipality"
        defaultValue={initial.homeMunicipality}
        hint={t('homeMunicipalityHint')}
        optional
        maxLength={80}
        error={errors.homeMunicipality}
      />
      <SelectField
        label={t('locale')}
        name="locale"
        defaultValue={initial.locale}
        hint={t('localeHint')}
        options={[
          { value: 'nb', label: tl('nb') },
          { value: 'en', label: tl('en') },
        ]}
        error={errors.locale}
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" loading={pending}>
          {pending ? t('saving') : t('save')}
        </Button>
        <div aria-live="polite" className="text-sm font-medium text-success-700">
          {saved ? t('saved') : null}
        </div>
      </div>
    </form>
  );
}
