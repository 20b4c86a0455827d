'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { LocalTime } from '@/app/_components/LocalTime';
import { Badge } from '@/app/_components/ui/Badge';
import { Button } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconCheck } from '@/app/_components/ui/Icon';
import { IconEye, IconEyeOff, IconFlag } from '../_components/forum-icons';
import { ModerationDialog, type ModerationRequest } from '../_components/ModerationDialog';
import { postHref } from '../_lib/paths';

export interface FlagQueueItem {
  postId: string;
  threadId: string;
  title: string;
  number: number;
  excerpt: string;
  hidden: boolean;
  authorName: string;
  flags: number;
  reasons: string[];
  lastFlaggedAt: string;
}

/** Open flags with the three outcomes: hide the post, restore it, or dismiss the flags. */
export function FlagQueue({ items, perPage }: { items: FlagQueueItem[]; perPage: number }) {
  const t = useTranslations('forum.moderation');
  const router = useRouter();
  const [request, setRequest] = useState<ModerationRequest | null>(null);

  return (
    <section aria-labelledby="moderation-queue" className="flex flex-col gap-4">
      <h2 id="moderation-queue" className="text-xl font-semibold text-ink">
        {t('queueHeading')}
      </h2>
      {items.length === 0 ? (
        <EmptyState icon={<IconCheck size={28} />} headingLevel={3} title={t('queueEmptyTitle')} body={t('queueEmptyBody')} />
      ) : (
        <ol className="flex flex-col gap-4">
          {items.map((item) => (
            <li key={item.postId}>
              <Card as="article" aria-labelledby={`flag-${item.postId}`} className="flex flex-col gap-3">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <h3 id={`flag-${item.postId}`} className="min-w-0 text-base font-semibold break-words text-ink">
                    <Link href={postHref(item.threadId, item.number, perPage)} className="rounded hover:text-fjord-800 hover:underline">
                      {t('postBy', { number: item.number, name: item.authorName, title: item.title })}
                    </Link>
                  </h3>
                  <div className="flex flex-wrap gap-2">
                    {item.hidden ? (
                      <Badge tone="neutral" icon={<IconEyeOff size={12} />}>
                        {t('hidden')}
                      </Badge>
                    ) : null}
                    <Badge tone="danger" icon={<IconFlag size={12} />}>
                      {t('flags', { count: item.flags })}
                    </Badge>
                  </div>
                </div>
                <p className="max-h-48 overflow-y-auto rounded-lg bg-sand-50 px-4 py-3 text-[0.9375rem] break-words whitespace-pre-wrap text-ink">{item.excerpt}</p>
                <div>
                  <h4 className="text-sm font-semibold text-ink">{t('reasons')}</h4>
                  <ul className="mt-1 list-disc pl-5 text-sm text-ink">
                    {item.reasons.map((reason, index) => (
                      <li key={index} className="break-words">
                        {reason}
                      </li>
                    ))}
                  </ul>
                  <p className="mt-2 text-sm text-ink-muted">{t.rich('lastFlagged', { time: () => <LocalTime value={item.lastFlaggedAt} /> })}</p>
                </div>
                <div className="flex flex-wrap gap-2 border-t border-sand-100 pt-3">
                  {item.hidden ? (
                    <Button size="sm" variant="secondary" iconStart={<IconEye size={16} />} onClick={() => setRequest({ action: 'restore', postId: item.postId, number: item.number })}>
                      {t('restore')}
                    </Button>
                  ) : (
                    <Button size="sm" variant="danger" iconStart={<IconEyeOff size={16} />} onClick={() => setRequest({ action: 'hide', postId: item.postId, number: item.number })}>
                      {t('hide')}
                    </Button>
                  )}
                  <Button size="sm" variant="secondary" iconStart={<IconCheck size={16} />} onClick={() => setRequest({ action: 'dismiss-flags', postId: item.postId, number: item.number })}>
                    {t('dismiss')}
                  </Button>
                </div>
              </Card>
            </li>
          ))}
        </ol>
      )}
      <ModerationDialog
        request={request}
        onClose={() => setRequest(null)}
        onDone={() => {
          setRequest(null);
          router.refresh();
        }}
      />
    </section>
  );
}
