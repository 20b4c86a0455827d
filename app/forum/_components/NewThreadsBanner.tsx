'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { LiveAudience } from '@/app/_components/live/live-socket';
import { useLive } from '@/app/_components/live/use-live';
import { Button } from '@/app/_components/ui/Button';
import { IconRefresh } from '@/app/_components/ui/Icon';

/**
 * Watches a category: "3 nye tråder – vis" when threads are started while the list is open
 * (and a quieter "new replies" when existing threads are bumped). Showing them reloads the first
 * page, so the keyset pages stay consistent.
 */
export function NewThreadsBanner({
  audience,
  categoryId,
  firstPage,
  href,
  renderedActivity,
}: {
  audience: LiveAudience;
  categoryId: string;
  firstPage: boolean;
  href: string;
  /** The latest activity among the threads this page shows (ISO), to compare with the watch's. */
  renderedActivity: string | null;
}) {
  const t = useTranslations('forum.category');
  const router = useRouter();
  const [created, setCreated] = useState<string[]>([]);
  const [bumped, setBumped] = useState(false);
  /** Posts committed before the watch began, which this page (a cached one, say) does not show. */
  const [missed, setMissed] = useState(false);
  const [live, setLive] = useState(false);

  useLive(
    audience,
    { categoryId },
    {
      'forum:thread-created': (event) => {
        if (event.categoryId === categoryId) setCreated((ids) => (ids.includes(event.threadId) ? ids : [...ids, event.threadId]));
      },
      'forum:thread-bumped': () => setBumped(true),
      'forum:thread-changed': () => setBumped(true),
    },
    {
      onReconnect: () => setBumped(true),
      onActive: (active, state) => {
        setLive(active);
        const latest = state.lastActivity ? Date.parse(state.lastActivity) : null;
        if (active && firstPage && latest !== null && (renderedActivity === null || latest > Date.parse(renderedActivity))) setMissed(true);
      },
    },
  );

  function show() {
    setCreated([]);
    setBumped(false);
    setMissed(false);
    if (firstPage) router.refresh();
    else router.push(href);
  }

  const count = created.length;
  return (
    <div role="status" aria-live="polite" data-live={live ? 'on' : 'off'} className="empty:hidden">
      {count > 0 || bumped || missed ? (
        <div className="flex justify-center">
          <Button variant="primary" size="sm" className="rounded-full shadow-md" onClick={show} iconStart={<IconRefresh size={16} />}>
            {count > 0 ? t('newThreads', { count }) : bumped ? t('newActivity') : t('newSinceLoaded')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
