import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LocalTime } from '@/app/_components/LocalTime';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getForumActor } from '@/server/auth/current-user';
import { flagQueue, moderationHistory } from '@/server/forum/moderation';
import { isModerator } from '@/server/forum/permissions';
import { POSTS_PER_PAGE } from '@/server/forum/reading';
import { getRuntime } from '@/server/runtime';
import { postIdHref, threadHref } from '../_lib/paths';
import { FlagQueue } from './FlagQueue';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('forum.moderation');
  return { title: t('metaTitle'), robots: { index: false } };
}

const KNOWN_ACTIONS = new Set(['hide', 'restore', 'dismiss-flags', 'lock', 'unlock', 'pin', 'unpin', 'move', 'hide-thread', 'restore-thread', 'suspend', 'unsuspend']);

/** Moderators only; everyone else gets the 404 (the page's existence is not advertised). */
export default async function ModerationPage() {
  const actor = await getForumActor();
  if (!isModerator(actor)) notFound();
  const { db } = getRuntime();
  const [t, queue, history] = await Promise.all([getTranslations('forum.moderation'), flagQueue(db, actor), moderationHistory(db, actor, 100)]);

  return (
    <Container size="wide" className="flex flex-col gap-10 py-10 sm:py-14">
      <PageHeader
        eyebrow={
          <Link href="/forum" className="rounded hover:underline">
            {t('eyebrow')}
          </Link>
        }
        title={t('title')}
        lead={t('lead')}
      />

      <FlagQueue
        perPage={POSTS_PER_PAGE}
        items={queue.map((item) => ({
          postId: item.postId,
          threadId: item.threadId,
          title: item.title,
          number: item.number,
          // The Markdown source, shown as text (never as markup) in the queue.
          excerpt: item.body.length > 600 ? `${item.body.slice(0, 600)}…` : item.body,
          hidden: item.hidden,
          authorName: item.authorName,
          flags: item.flags,
          reasons: item.reasons,
          lastFlaggedAt: new Date(item.lastFlaggedAt).toISOString(),
        }))}
      />

      <section aria-labelledby="moderation-history" className="flex flex-col gap-4">
        <h2 id="moderation-history" className="text-xl font-semibold text-ink">
          {t('historyHeading')}
        </h2>
        {history.length === 0 ? (
          <p className="text-ink-muted">{t('historyEmpty')}</p>
        ) : (
          <Card padding="none" className="overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <thead className="border-b border-sand-200 bg-sand-25 text-xs tracking-wide text-ink-muted uppercase">
                <tr>
                  <th scope="col" className="px-4 py-2.5 font-semibold">{t('when')}</th>
                  <th scope="col" className="px-4 py-2.5 font-semibold">{t('who')}</th>
                  <th scope="col" className="px-4 py-2.5 font-semibold">{t('what')}</th>
                  <th scope="col" className="px-4 py-2.5 font-semibold">{t('why')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-sand-100">
                {history.map((entry) => {
                  const href = entry.targetType === 'thread' ? threadHref(entry.targetId) : entry.targetType === 'post' ? postIdHref(entry.targetId) : null;
                  const target = t(`target.${entry.targetType === 'thread' || entry.targetType === 'post' ? entry.targetType : 'user'}`);
                  return (
                    <tr key={entry.id} className="align-top">
                      <td className="px-4 py-3 whitespace-nowrap text-ink-muted">
                        <LocalTime value={entry.createdAt.toISOString()} />
                      </td>
                      <td className="px-4 py-3 font-medium text-ink">{entry.actorName}</td>
                      <td className="px-4 py-3 text-ink">
                        {KNOWN_ACTIONS.has(entry.action) ? t(`actions.${entry.action}`) : entry.action}
                        {href ? (
                          <>
                            {' '}
                            <Link href={href} className="link whitespace-nowrap">
                              ({t('open')} {target})
                            </Link>
                          </>
                        ) : null}
                      </td>
                      <td className="px-4 py-3 break-words whitespace-pre-wrap text-ink">{entry.reason}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Card>
        )}
      </section>
    </Container>
  );
}
