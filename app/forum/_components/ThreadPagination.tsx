import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { cx } from '@/app/_components/ui/class-names';
import { threadHref } from '../_lib/paths';
import { IconChevronLeft, IconChevronRight, IconChevronsLeft, IconChevronsRight } from './forum-icons';

// Phones show the arrows only (the labels stay for screen readers), so the bar fits one row.
const ITEM =
  'inline-flex h-10 min-w-10 items-center justify-center gap-1.5 rounded-lg px-2 text-sm font-semibold whitespace-nowrap transition-colors sm:px-3';

/** Older/newer pages of a thread (keyset: `?after=` a post number), with jumps to both ends. */
export function ThreadPagination({
  threadId,
  after,
  perPage,
  total,
  className,
}: {
  threadId: string;
  after: number;
  perPage: number;
  /** Posts in the thread. */
  total: number;
  className?: string;
}) {
  const t = useTranslations('forum.thread');
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = Math.floor(after / perPage) + 1;
  if (pages <= 1) return null;
  const lastAfter = (pages - 1) * perPage;
  const link = (href: string, label: string, icon: ReactNode, iconAfter = false, rel?: string) => (
    <Link href={href} rel={rel} className={cx(ITEM, 'text-fjord-800 hover:bg-fjord-50')}>
      {iconAfter ? null : icon}
      <span className="sr-only sm:not-sr-only">{label}</span>
      {iconAfter ? icon : null}
    </Link>
  );
  const disabled = (label: string, icon: ReactNode, iconAfter = false) => (
    <span aria-disabled="true" className={cx(ITEM, 'cursor-default text-sand-400')}>
      {iconAfter ? null : icon}
      <span className="sr-only sm:not-sr-only">{label}</span>
      {iconAfter ? icon : null}
    </span>
  );
  const first = page > 1;
  const last = page < pages;
  return (
    <nav aria-label={t('pagination')} className={cx('flex items-center justify-between gap-1 rounded-xl border border-sand-200 bg-white p-1 shadow-xs', className)}>
      <div className="flex items-center">
        {first ? link(threadHref(threadId), t('first'), <IconChevronsLeft size={16} />) : disabled(t('first'), <IconChevronsLeft size={16} />)}
        {first
          ? link(threadHref(threadId, Math.max(0, after - perPage)), t('older'), <IconChevronLeft size={16} />, false, 'prev')
          : disabled(t('older'), <IconChevronLeft size={16} />)}
      </div>
      <p className="px-2 text-sm font-medium text-ink-muted tabular-nums">
        {t('pageOf', { page, pages })}
      </p>
      <div className="flex items-center">
        {last
          ? link(threadHref(threadId, after + perPage), t('newer'), <IconChevronRight size={16} />, true, 'next')
          : disabled(t('newer'), <IconChevronRight size={16} />, true)}
        {last ? link(threadHref(threadId, lastAfter), t('last'), <IconChevronsRight size={16} />, true) : disabled(t('last'), <IconChevronsRight size={16} />, true)}
      </div>
    </nav>
  );
}
