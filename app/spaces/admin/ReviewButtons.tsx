'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { Dialog } from '@/app/_components/ui/Dialog';
import { IconCheck, IconClose } from '@/app/_components/ui/Icon';
import { spacesApi } from '../_lib/spaces-api';

/** Approve at once; reject after a confirmation (the host has to submit again). */
export function ReviewButtons({ spaceId, name }: { spaceId: string; name: string }) {
  const t = useTranslations('spaces.admin');
  const [pending, setPending] = useState<'approved' | 'rejected' | null>(null);
  const [confirmReject, setConfirmReject] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function decide(decision: 'approved' | 'rejected') {
    setPending(decision);
    setError(null);
    const result = await spacesApi(`/api/spaces/${spaceId}/review`, { method: 'POST', body: { decision }, fallbackMessage: t('failed') });
    setPending(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setConfirmReject(false);
    // The card stays (with the outcome) until the next visit, so the admin sees what happened.
    setDone(decision === 'approved' ? t('approvedNamed', { name }) : t('rejectedNamed', { name }));
  }


  return (
    <div className="flex flex-col gap-3">
      {/* One live region for the whole life of the card, so the outcome is announced. */}
      <p role="status" className="flex items-start gap-2 text-sm font-medium text-success-700 empty:sr-only md:max-w-56">
        {done ? (
          <>
            <IconCheck size={18} className="mt-0.5 shrink-0" />
            {done}
          </>
        ) : null}
      </p>
      {error && !confirmReject ? <Alert tone="error">{error}</Alert> : null}
      <div className={done ? 'hidden' : 'flex flex-wrap gap-3'}>
        <Button iconStart={<IconCheck size={18} />} loading={pending === 'approved'} disabled={pending !== null} onClick={() => void decide('approved')}>
          {t('approve')}
          <span className="sr-only">: {name}</span>
        </Button>
        <Button variant="secondary" className="text-danger-700" iconStart={<IconClose size={18} />} disabled={pending !== null} onClick={() => setConfirmReject(true)}>
          {t('reject')}
          <span className="sr-only">: {name}</span>
        </Button>
      </div>
      <Dialog open={confirmReject} onClose={() => pending === null && setConfirmReject(false)} title={t('rejectTitle', { name })} description={t('rejectBody')}>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setConfirmReject(false)} disabled={pending !== null}>
            {t('keepPending')}
          </Button>
          <Button variant="danger" loading={pending === 'rejected'} onClick={() => void decide('rejected')}>
            {t('confirmReject')}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
