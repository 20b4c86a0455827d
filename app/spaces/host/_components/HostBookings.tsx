'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Badge } from '@/app/_components/ui/Badge';
import { Button } from '@/app/_components/ui/Button';
import { Dialog } from '@/app/_components/ui/Dialog';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconCalendar } from '@/app/_components/ui/Icon';
import { spacesApi } from '../../_lib/spaces-api';

/** A booking of the host's space, formatted on the server in the space's zone. */
export interface HostBookingItem {
  id: string;
  when: string;
  resourceName: string;
  termLabel: string;
  memberName: string;
  memberEmail: string;
  price: string | null;
  status: 'confirmed' | 'cancelled';
}

/** Upcoming bookings of the space; hosts may cancel any of them (the member's cut-off does not bind them). */
export function HostBookings({ items, canCancel }: { items: HostBookingItem[]; /** Only the space's own hosts may cancel (not admins as such). */ canCancel: boolean }) {
  const t = useTranslations('spaces.hostBookings');
  const router = useRouter();
  const [confirming, setConfirming] = useState<HostBookingItem | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  async function cancel(item: HostBookingItem) {
    setPending(true);
    setError(null);
    const result = await spacesApi(`/api/bookings/${item.id}`, { method: 'DELETE', fallbackMessage: t('cancelFailed') });
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setConfirming(null);
    setAnnouncement(t('cancelled', { name: item.memberName }));
    router.refresh();
  }

  if (items.length === 0) return <EmptyState headingLevel={3} icon={<IconCalendar size={28} />} title={t('emptyTitle')} body={t('emptyBody')} />;

  return (
    <>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <div className="overflow-x-auto rounded-xl border border-sand-200 bg-white">
        <table className="w-full min-w-[44rem] text-left text-sm">
          <caption className="sr-only">{t('caption')}</caption>
          <thead className="bg-sand-50 text-ink-muted">
            <tr>
              <th scope="col" className="px-4 py-3 font-semibold">
                {t('when')}
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                {t('what')}
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                {t('who')}
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                {t('price')}
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                <span className="sr-only">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} className="border-t border-sand-200 align-top">
                <td className="px-4 py-3 text-ink first-letter:uppercase">{item.when}</td>
                <td className="px-4 py-3 text-ink">
                  {item.resourceName}
                  <span className="block text-xs text-ink-muted">{item.termLabel}</span>
                </td>
                <td className="px-4 py-3">
                  <span className="text-ink">{item.memberName}</span>
                  <a href={`mailto:${item.memberEmail}`} className="link block text-xs break-all">
                    {item.memberEmail}
                  </a>
                </td>
                <td className="px-4 py-3 text-ink">{item.price ?? '–'}</td>
                <td className="px-4 py-3 text-right">
                  {item.status === 'cancelled' ? (
                    <Badge tone="danger">{t('statusCancelled')}</Badge>
                  ) : !canCancel ? null : (
                    <Button
                      variant="ghost"
                      size="sm"
                      className="text-danger-700 hover:bg-danger-50"
                      onClick={() => {
                        setError(null);
                        setConfirming(item);
                      }}
                    >
                      {t('cancel')}
                      <span className="sr-only">
                        : {item.memberName}, {item.when}
                      </span>
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Dialog
        open={confirming !== null}
        onClose={() => !pending && setConfirming(null)}
        title={t('confirmTitle')}
        description={confirming ? `${confirming.resourceName}, ${confirming.when} – ${confirming.memberName}` : undefined}
      >
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
