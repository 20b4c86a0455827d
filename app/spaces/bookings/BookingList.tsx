'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Badge } from '@/app/_components/ui/Badge';
import { Button, buttonClassName } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Dialog } from '@/app/_components/ui/Dialog';
import { IconClose } from '@/app/_components/ui/Icon';
import { spacesApi } from '../_lib/spaces-api';
import { IconDownload, RESOURCE_ICONS } from '../_components/space-icons';
import type { ResourceKind } from '../_lib/directory-params';

/** One booking as the page shows it; dates and prices are formatted on the server, in the space's zone. */
export interface BookingItem {
  id: string;
  spaceName: string;
  spaceSlug: string;
  resourceName: string;
  resourceKind: ResourceKind;
  termLabel: string;
  when: string;
  /** "Europe/Stockholm time", when the space's clock differs from the viewer's. */
  zoneNote: string | null;
  price: string | null;
  status: 'confirmed' | 'cancelled';
  /** Upcoming bookings: until when the member may cancel, as text, and whether that has passed. */
  cancelUntil: string | null;
  cancellable: boolean;
  /** When it was cancelled, as text. */
  cancelledAt: string | null;
}

/**
 * The member's bookings with their actions: the .ics file, and cancelling (confirmed in a
 * dialog; after the cut-off the button is disabled and says why).
 */
export function BookingList({ items, kind }: { items: BookingItem[]; kind: 'upcoming' | 'past' }) {
  const t = useTranslations('spaces.myBookings');
  const router = useRouter();
  const [confirming, setConfirming] = useState<BookingItem | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  async function cancel(item: BookingItem) {
    setPending(true);
    setError(null);
    const result = await spacesApi<{ id: string; status: string }>(`/api/bookings/${item.id}`, { method: 'DELETE', fallbackMessage: t('cancelFailed') });
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setConfirming(null);
    setAnnouncement(t('cancelled', { what: `${item.resourceName}, ${item.when}` }));
    router.refresh();
  }

  return (
    <>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <ul className="flex flex-col gap-4">
        {items.map((item) => {
          const Icon = RESOURCE_ICONS[item.resourceKind];
          return (
            <li key={item.id}>
              <Card as="article" className="flex flex-col gap-4 sm:flex-row sm:items-start" aria-labelledby={`booking-${item.id}`}>
                <span aria-hidden="true" className="hidden size-11 shrink-0 items-center justify-center rounded-xl bg-fjord-50 text-fjord-700 sm:flex">
                  <Icon size={22} />
                </span>
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 id={`booking-${item.id}`} className="text-lg font-semibold text-ink">
                      {item.resourceName}
                    </h3>
                    <Badge tone="neutral">{item.termLabel}</Badge>
                    {item.status === 'cancelled' ? <Badge tone="danger">{t('statusCancelled')}</Badge> : kind === 'past' ? <Badge tone="neutral">{t('statusDone')}</Badge> : <Badge tone="success">{t('statusConfirmed')}</Badge>}
                  </div>
                  <p className="mt-1 text-ink-muted">
                    <Link href={`/spaces/${item.spaceSlug}`} className="link">
                      {item.spaceName}
                    </Link>
                  </p>
                  <p className="mt-2 font-medium text-ink first-letter:uppercase">{item.when}</p>
                  {item.zoneNote ? <p className="text-sm text-ink-muted">{item.zoneNote}</p> : null}
                  {item.price ? <p className="mt-1 text-sm text-ink-muted">{t('price', { price: item.price })}</p> : null}
                  {item.cancelledAt ? <p className="mt-1 text-sm text-ink-muted">{t('cancelledAt', { when: item.cancelledAt })}</p> : null}
                  {kind === 'upcoming' && item.cancelUntil ? (
                    <p id={`cutoff-${item.id}`} className="mt-1 text-sm text-ink-muted">
                      {item.cancellable ? t('cancelUntil', { when: item.cancelUntil }) : t('cutoffPassed', { when: item.cancelUntil })}
                    </p>
                  ) : null}
                </div>
                <div className="flex shrink-0 flex-col gap-2 sm:items-end">
                  {item.status === 'confirmed' ? (
                    <a href={`/api/bookings/${item.id}/ics`} download className={buttonClassName({ variant: 'secondary', size: 'sm' })} aria-label={t('icsFor', { what: item.resourceName, when: item.when })}>
                      <IconDownload size={16} />
                      {t('ics')}
                    </a>
                  ) : null}
                  {kind === 'upcoming' && item.status === 'confirmed' ? (
                    <Button
                      variant="ghost"
                      size="sm"
                      className="text-danger-700 hover:bg-danger-50"
                      iconStart={<IconClose size={16} />}
                      disabled={!item.cancellable}
                      aria-describedby={`cutoff-${item.id}`}
                      onClick={() => {
                        setError(null);
                        setConfirming(item);
                      }}
                    >
                      {t('cancel')}
                    </Button>
                  ) : null}
                </div>
              </Card>
            </li>
          );
        })}
      </ul>
      <Dialog open={confirming !== null} onClose={() => !pending && setConfirming(null)} title={t('confirmTitle')} description={confirming ? `${confirming.resourceName} – ${confirming.spaceName}. ${confirming.when}.` : undefined}>
        <p className="text-ink-muted">{t('confirmBody')}</p>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setConfirming(null)} disabled={pending}>
            {t('keep')}
          </Button>
          <Button variant="danger" loading={pending} onClick={() => confirming && void cancel(confirming)}>
            {t('confirmCancel')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
