'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button, buttonClassName } from '@/app/_components/ui/Button';
import { Dialog } from '@/app/_components/ui/Dialog';
import { IconCheck, IconRefresh } from '@/app/_components/ui/Icon';
import { copyText } from '../_lib/copy-text';
import { spacesApi } from '../_lib/spaces-api';
import { IconCalendarPlus, IconCopy } from '../_components/space-icons';

/**
 * The member's private calendar feed: copy it into a calendar app, or make a new one when the
 * old link has leaked (the old one stops working at once).
 */
export function CalendarFeed({ initialUrl }: { initialUrl: string }) {
  const t = useTranslations('spaces.feed');
  const [url, setUrl] = useState(initialUrl);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const timer = useRef<number | null>(null);
  useEffect(() => () => void (timer.current && window.clearTimeout(timer.current)), []);

  async function copy() {
    const ok = await copyText(url);
    setCopied(ok ? 'copied' : 'failed');
    if (timer.current) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setCopied('idle'), 2500);
  }

  async function regenerate() {
    setPending(true);
    setError(null);
    const result = await spacesApi<{ url: string }>('/api/calendar', { method: 'POST', fallbackMessage: t('regenerateFailed') });
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setUrl(result.data.url);
    setConfirming(false);
    setAnnouncement(t('regenerated'));
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1.5">
        <label htmlFor="calendar-feed-url" className="text-sm font-semibold text-ink">
          {t('urlLabel')}
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id="calendar-feed-url"
            readOnly
            value={url}
            onFocus={(event) => event.currentTarget.select()}
            className="block h-11 w-full min-w-0 rounded-lg border border-sand-500 bg-sand-50 px-3.5 font-mono text-sm text-ink"
          />
          <Button variant="secondary" onClick={() => void copy()} iconStart={copied === 'copied' ? <IconCheck size={16} /> : <IconCopy size={16} />} className="shrink-0">
            <span aria-live="polite">{copied === 'copied' ? t('copied') : copied === 'failed' ? t('copyFailed') : t('copy')}</span>
          </Button>
        </div>
        <p className="text-sm text-ink-muted">{t('urlHint')}</p>
      </div>
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
        <a href={url.replace(/^https?:\/\//, 'webcal://')} className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
          <IconCalendarPlus size={16} />
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
