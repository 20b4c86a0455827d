'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { TextField } from '@/app/_components/ui/TextField';
import { spacesApi } from '@/app/spaces/_lib/spaces-api';

/**
 * An editor publishes or rejects a suggestion (with an optional note to the member). In the
 * queue the card stays with the outcome, so the editor sees what happened; on the entry's own
 * page (`refresh`) the page reloads to show the new status.
 */
export function ReviewButtons({ entryId, title, refresh = false }: { entryId: string; title: string; refresh?: boolean }) {
  const t = useTranslations('library.review');
  const router = useRouter();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'publish' | 'reject' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function decide(decision: 'publish' | 'reject') {
    setBusy(decision);
    setError(null);
    const result = await spacesApi<{ entry: { slug: string; status: string } }>(`/api/hub/library/${entryId}/review`, {
      body: { decision, note: note.trim() || undefined },
      fallbackMessage: t('failed'),
    });
    setBusy(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setDone(decision === 'publish' ? t('published', { title }) : t('rejected', { title }));
    if (refresh) router.refresh();
  }

  if (done) return <Alert tone="success">{done}</Alert>;
  return (
    <div className="flex flex-col gap-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField id={noteId} label={t('note')} hint={t('noteHint')} optional value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => decide('publish')} loading={busy === 'publish'} disabled={busy !== null}>
          {t('publish')}
        </Button>
        <Button variant="secondary" onClick={() => decide('reject')} loading={busy === 'reject'} disabled={busy !== null}>
          {t('reject')}
        </Button>
      </div>
    </div>
  );
}
