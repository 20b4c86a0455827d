'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

const EVERY_MS = 30_000;

/**
 * Keeps the status page current without a socket: the server page is fetched again every 30 s
 * while the tab is visible, and at once when the visitor comes back to it. A new status is
 * announced in a polite live region.
 */
export function StatusRefresher({ status, label }: { status: string; label: string }) {
  const t = useTranslations('studyTrips.statusPage');
  const router = useRouter();
  const first = useRef(status);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (status !== first.current) {
      first.current = status;
      setAnnouncement(t('updated', { status: label }));
    }
  }, [status, label, t]);

  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === 'visible') router.refresh();
    };
    const timer = window.setInterval(refresh, EVERY_MS);
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [router]);

  return (
    <p role="status" className="sr-only">
      {announcement}
    </p>
  );
}
