'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { IconPlus } from '@/app/rooms/_components/room-icons';
import { SelectField } from '@/app/_components/ui/SelectField';
import { spacesApi } from '@/app/spaces/_lib/spaces-api';

/** Creates an empty draft in the chosen language and opens it. */
export function StartDraftForm() {
  const t = useTranslations('agreement');
  const locale = useLocale();
  const router = useRouter();
  const [language, setLanguage] = useState(locale === 'en' ? 'en' : 'nb');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await spacesApi<{ id: string }>('/api/hub/agreements', { method: 'POST', body: { language }, fallbackMessage: t('landing.failed') });
    if (result.ok) {
      router.push(`/hub/agreement/${result.data.id}`);
      return;
    }
    setPending(false);
    setError(result.error.fields?.language ?? result.error.message);
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-4 sm:flex-row sm:items-end">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <SelectField
        name="language"
        label={t('landing.startLanguage')}
        value={language}
        onChange={(e) => setLanguage(e.target.value)}
        options={(['nb', 'en'] as const).map((value) => ({ value, label: t(`options.languages.${value}`) }))}
        className="sm:w-48"
      />
      <Button type="submit" loading={pending} iconStart={<IconPlus size={18} />}>
        {t('landing.start')}
      </Button>
    </form>
  );
}
