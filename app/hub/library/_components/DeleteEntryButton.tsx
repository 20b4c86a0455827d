'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { Dialog } from '@/app/_components/ui/Dialog';
import { spacesApi } from '@/app/spaces/_lib/spaces-api';

/** An editor removes an entry (and its PDF) after confirming. */
export function DeleteEntryButton({ entryId, title }: { entryId: string; title: string }) {
  const t = useTranslations('library.delete');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    setError(null);
    const result = await spacesApi(`/api/hub/library/${entryId}`, { method: 'DELETE', fallbackMessage: t('failed') });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setOpen(false);
    router.push('/hub/library');
    router.refresh();
  }

  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)}>
        {t('button')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('title')} description={t('body', { title })}>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-wrap justify-end gap-3">
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={busy}>
            {t('cancel')}
          </Button>
          <Button variant="danger" onClick={remove} loading={busy}>
            {t('confirm')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
