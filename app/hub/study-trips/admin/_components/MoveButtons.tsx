'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { Dialog } from '@/app/_components/ui/Dialog';
import { TextArea } from '@/app/_components/ui/TextArea';
import { spacesApi } from '@/app/spaces/_lib/spaces-api';
import type { StudyTripStatus } from '@/db/schema';

/**
 * The moves the state machine allows from here, with an optional message to the requester.
 * Declining asks first: it is final.
 */
export function MoveButtons({ requestId, organisation, next }: { requestId: string; organisation: string; next: StudyTripStatus[] }) {
  const t = useTranslations('studyTrips');
  const router = useRouter();
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState<StudyTripStatus | null>(null);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [confirmDecline, setConfirmDecline] = useState(false);
  const [done, setDone] = useState('');

  async function move(to: StudyTripStatus) {
    setPending(to);
    setError(null);
    const result = await spacesApi<{ status: StudyTripStatus }>(`/api/hub/study-trips/${requestId}/status`, {
      method: 'POST',
      body: { to, message },
      fallbackMessage: t('admin.failed'),
    });
    setPending(null);
    if (!result.ok) {
      setError({ message: result.error.fields?.message ?? result.error.message, field: result.error.fields?.message });
      return;
    }
    setConfirmDecline(false);
    setMessage('');
    setDone(t('admin.moved', { status: t(`status.${result.data.status}`).toLowerCase() }));
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-4">
      <p role="status" className="text-sm font-medium text-success-700 empty:hidden">
        {done}
      </p>
      {error && !confirmDecline ? <Alert tone="error">{error.message}</Alert> : null}
      {next.length > 0 ? (
        <>
          <TextArea
            name="message"
            label={t('admin.moveMessage')}
            hint={t('admin.moveMessageHint')}
            rows={3}
            maxLength={4000}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            error={error?.field}
            optional
          />
          <div className="flex flex-wrap gap-3">
            {next.map((to) =>
              to === 'declined' ? (
                <Button key={to} variant="secondary" className="text-danger-700" disabled={pending !== null} onClick={() => setConfirmDecline(true)}>
                  {t('admin.moveTo.declined')}
                </Button>
              ) : (
                <Button key={to} loading={pending === to} disabled={pending !== null} onClick={() => void move(to)}>
                  {t(`admin.moveTo.${to as 'planning' | 'confirmed'}`)}
                </Button>
              ),
            )}
          </div>
        </>
      ) : null}
      <Dialog open={confirmDecline} onClose={() => pending === null && setConfirmDecline(false)} title={t('admin.declineTitle', { organisation })} description={t('admin.declineBody')}>
        {error ? <Alert tone="error">{error.message}</Alert> : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setConfirmDecline(false)} disabled={pending !== null}>
            {t('admin.keep')}
          </Button>
          <Button variant="danger" loading={pending === 'declined'} onClick={() => void move('declined')}>
            {t('admin.declineConfirm')}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
