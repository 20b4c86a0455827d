'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { TextArea } from '@/app/_components/ui/TextArea';
import { spacesApi } from '@/app/spaces/_lib/spaces-api';

/** An admin writes to the requester; it shows on the status page (and is mailed with SMTP). */
export function MessageForm({ requestId }: { requestId: string }) {
  const t = useTranslations('studyTrips.admin');
  const router = useRouter();
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [sent, setSent] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setSent(false);
    const result = await spacesApi(`/api/hub/study-trips/${requestId}/messages`, { method: 'POST', body: { message }, fallbackMessage: t('failed') });
    setPending(false);
    if (!result.ok) {
      setError({ message: result.error.message, field: result.error.fields?.message });
      return;
    }
    setMessage('');
    setSent(true);
    router.refresh();
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-4">
      {error && !error.field ? <Alert tone="error">{error.message}</Alert> : null}
      <p role="status" className="text-sm font-medium text-success-700 empty:hidden">
        {sent ? t('sentMessage') : ''}
      </p>
      <TextArea name="message" label={t('message')} rows={4} maxLength={4000} value={message} onChange={(e) => setMessage(e.target.value)} error={error?.field} required />
      <div>
        <Button type="submit" loading={pending}>
          {t('send')}
        </Button>
      </div>
    </form>
  );
}
