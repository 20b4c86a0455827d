'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Badge } from '@/app/_components/ui/Badge';
import { Button } from '@/app/_components/ui/Button';
import { IconCheck } from '@/app/_components/ui/Icon';
import { TextField } from '@/app/_components/ui/TextField';
import { copyText } from '@/app/rooms/_components/CopyButton';
import { IconCopy } from '../../spaces/_components/space-icons';
import { spacesApi } from '../../spaces/_lib/spaces-api';

export interface KioskRow {
  id: string;
  label: string;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

function when(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * The studio's screens for its hosts: make a kiosk link (shown once, with a copy button),
 * see when each screen last connected, revoke one.
 */
export function KioskManager({ studioId, initial }: { studioId: string; initial: KioskRow[] }) {
  const t = useTranslations('studios.kiosks');
  const locale = useLocale();
  const [kiosks, setKiosks] = useState(initial);
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [created, setCreated] = useState<{ label: string; url: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const createdRef = useRef<HTMLDivElement>(null);
  const headingId = useId();

  // The new link takes the focus, so a screen reader hears it and the keyboard can copy it.
  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await spacesApi<{ token: string; kioskPath: string; kiosk: KioskRow }>(`/api/studios/${studioId}/kiosk-tokens`, {
      body: { label },
      fallbackMessage: t('failed'),
    });
    setBusy(false);
    if (!result.ok) {
      setError({ message: result.error.fields?.label ?? result.error.message, field: result.error.fields?.label });
      return;
    }
    setKiosks((list) => [result.data.kiosk, ...list]);
    setCreated({ label: result.data.kiosk.label, url: `${window.location.origin}${result.data.kioskPath}` });
    setCopied(false);
    setLabel('');
  }

  async function onRevoke(kiosk: KioskRow) {
    if (!window.confirm(t('revokeConfirm', { label: kiosk.label }))) return;
    const result = await spacesApi<{ kiosk: KioskRow }>(`/api/studios/${studioId}/kiosk-tokens/${kiosk.id}`, { method: 'DELETE', fallbackMessage: t('failed') });
    if (!result.ok) {
      setError({ message: result.error.message });
      return;
    }
    setKiosks((list) => list.map((k) => (k.id === kiosk.id ? result.data.kiosk : k)));
  }

  return (
    <section aria-labelledby={headingId} className="mt-6 border-t border-sand-200 pt-5">
      <h3 id={headingId} className="text-base font-semibold text-ink">
        {t('heading')}
      </h3>
      <p className="mt-1 text-sm text-ink-muted">{t('lead')}</p>

      {created ? (
        <div ref={createdRef} tabIndex={-1} className="mt-4 rounded-xl border border-success-200 bg-success-50 p-4 outline-none focus-visible:ring-2 focus-visible:ring-fjord-600" data-kiosk-link>
          <p className="font-semibold text-success-700">{t('newTitle', { label: created.label })}</p>
          <p className="mt-1 text-sm text-ink">{t('newBody')}</p>
          <TextField label={t('linkLabel')} value={created.url} readOnly className="mt-3" inputClassName="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          <div className="mt-3 flex flex-wrap gap-2">
            <Button
              size="sm"
              variant="secondary"
              iconStart={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              onClick={async () => setCopied(await copyText(created.url))}
            >
              {copied ? t('copied') : t('copy')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setCreated(null)}>
              {t('done')}
            </Button>
          </div>
        </div>
      ) : null}

      <form onSubmit={onCreate} className="mt-4 flex flex-col gap-3" noValidate>
        <TextField
          label={t('label')}
          hint={t('labelHint')}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          maxLength={80}
          required
          error={error?.field}
        />
        {error && !error.field ? (
          <Alert tone="error" role="alert">
            {error.message}
          </Alert>
        ) : null}
        <Button type="submit" loading={busy} className="self-start">
          {busy ? t('creating') : t('create')}
        </Button>
      </form>

      {kiosks.length === 0 ? (
        <p className="mt-4 text-sm text-ink-muted">{t('empty')}</p>
      ) : (
        <ul className="mt-5 flex flex-col gap-3">
          {kiosks.map((kiosk) => (
            <li key={kiosk.id} className="flex flex-col gap-2 rounded-xl border border-sand-200 bg-white p-3" data-kiosk-row={kiosk.label}>
              <div className="flex items-start justify-between gap-2">
                <span className="font-medium break-words text-ink">{kiosk.label}</span>
                {kiosk.revokedAt ? <Badge tone="danger">{t('revoked', { when: when(kiosk.revokedAt, locale) })}</Badge> : <Badge tone="success">{t('active')}</Badge>}
              </div>
              <p className="text-xs text-ink-muted">
                {t('created', { when: when(kiosk.createdAt, locale) })} · {kiosk.lastSeenAt ? t('lastSeen', { when: when(kiosk.lastSeenAt, locale) }) : t('neverSeen')}
              </p>
              {!kiosk.revokedAt ? (
                <Button size="sm" variant="secondary" className="self-start" aria-label={t('revokeLabel', { label: kiosk.label })} onClick={() => void onRevoke(kiosk)}>
                  {t('revoke')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
