'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button, buttonClassName } from '@/app/_components/ui/Button';
import { Dialog } from '@/app/_components/ui/Dialog';
import { IconCalendar, IconRefresh } from '@/app/_components/ui/Icon';
import { regenerateFeedAction } from '../actions';
import { lessonActionError } from '../_lib/action-errors';
import { CopyField } from './CopyField';

/** The series' calendar feed: copy or subscribe; make a new address when the old one leaked. */
export function SeriesFeed({ seriesId, initialUrl }: { seriesId: string; initialUrl: string }) {
  const t = useTranslations('lessons.feed');
  const ti = useTranslations('lessons.invite');
  const te = useTranslations('errors');
  const [url, setUrl] = useState(initialUrl);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  async function regenerate() {
    setPending(true);
    setError(null);
    const result = await regenerateFeedAction(seriesId);
    setPending(false);
    if (!result.ok) {
      setError(lessonActionError(Object.values(result.errors)[0] ?? 'generic', te));
      return;
    }
    setUrl(result.url);
    setConfirming(false);
    setAnnouncement(t('regenerated'));
  }

  return (
    <div className="flex flex-col gap-4">
      <CopyField id={`feed-${seriesId}`} label={t('url')} value={url} labels={{ copy: ti('copy'), copied: ti('copied'), copyFailed: ti('copyFailed') }} />
      <div className="flex flex-wrap gap-3">
        <a href={url.replace(/^https?:\/\//, 'webcal://')} className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
          <IconCalendar size={16} />
          {t('subscribe')}
        </a>
        <Button variant="ghost" size="sm" iconStart={<IconRefresh size={16} />} onClick={() => setConfirming(true)}>
          {t('regenerate')}
        </Button>
      </div>
      <p aria-live="polite" className="text-sm font-medium text-success-700 empty:sr-only">
        {announcement}
      </p>
      <Dialog open={confirming} onClose={() => !pending && setConfirming(false)} title={t('confirmTitle')} description={t('confirmBody')}>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
            {t('keepOld')}
          </Button>
          <Button variant="danger" loading={pending} onClick={() => void regenerate()}>
            {t('confirmRegenerate')}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
