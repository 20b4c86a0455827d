import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { LocalTime } from '@/app/_components/LocalTime';
import { Badge } from '@/app/_components/ui/Badge';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconCalendar, IconChat, IconMapPin } from '@/app/_components/ui/Icon';
import { getForumActor } from '@/server/auth/current-user';
import { ForumError } from '@/server/forum/errors';
import { memberProfile } from '@/server/forum/members';
import { POSTS_PER_PAGE } from '@/server/forum/reading';
import { getRuntime } from '@/server/runtime';
import { Avatar } from '../../_components/Avatar';
import { CategoryDot } from '../../_components/CategoryDot';
import { LanguageTag } from '../../_components/LanguageTag';
import { PostBody } from '../../_components/PostBody';
import { RelativeTime } from '../../_components/RelativeTime';
import { categoryHref, postHref } from '../../_lib/paths';

type Props = { params: Promise<{ handle: string }> };

const loadMember = cache(async (handle: string) => {
  const actor = await getForumActor();
  try {
    return await memberProfile(getRuntime().db, actor, decodeURIComponent(handle).toLowerCase());
  } catch (error) {
    if (error instanceof ForumError && error.code === 'not_found') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ handle }, t] = await Promise.all([params, getTranslations('forum.member')]);
  const member = await loadMember(handle);
  return { title: t('metaTitle', { name: member.name, handle: member.handle }), description: t('metaDescription', { name: member.name }) };
}

export default async function MemberPage({ params }: Props) {
  const { handle } = await params;
  const member = await loadMember(handle);
  const [t, tc, locale] = await Promise.all([getTranslations('forum'), getTranslations('common.account'), getLocale()]);
  const now = new Date().toISOString();

  return (
    <Container size="default" className="flex max-w-4xl flex-col gap-8 py-10 sm:py-14">
      <header className="flex flex-col gap-5 sm:flex-row sm:items-center">
        <Avatar name={member.name} handle={member.handle} size="lg" />
        <div className="min-w-0">
          <p className="text-sm font-semibold tracking-wide text-fjord-700">
            <Link href="/forum" className="rounded hover:underline">
              {t('eyebrow')}
            </Link>{' '}
            · {t('member.eyebrow')}
          </p>
          <h1 className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-3xl font-bold break-words text-ink sm:text-4xl">
            {member.name}
            {member.role !== 'member' ? <Badge tone="accent">{tc(`roles.${member.role}`)}</Badge> : null}
          </h1>
          <p className="mt-1 text-lg break-all text-ink-muted">@{member.handle}</p>
          <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-sm text-ink-muted">
            {member.homeMunicipality ? (
              <li className="flex items-center gap-1.5">
                <IconMapPin size={16} />
                {t('member.municipality', { municipality: member.homeMunicipality })}
              </li>
            ) : null}
            <li className="flex items-center gap-1.5">
              <IconCalendar size={16} />
              {t.rich('member.memberSince', { time: () => <LocalTime value={member.memberSince.toISOString()} dateStyle="long" /> })}
            </li>
          </ul>
        </div>
      </header>

      <section aria-labelledby="member-posts" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="member-posts" className="text-xl font-semibold text-ink">
            {t('member.postsHeading')}
          </h2>

        </div>
        {member.posts.length === 0 ? (
          <EmptyState icon={<IconChat size={28} />} headingLevel={3} title={t('member.emptyTitle')} body={t('member.emptyBody', { name: member.name })} />
        ) : (
          <ol className="flex flex-col gap-3">
            {member.posts.map((post) => (
              <li key={post.id}>
                <Card as="article" padding="sm" className="sm:p-5">
                  <h3 className="text-base leading-snug font-semibold text-ink">
                    <Link href={postHref(post.threadId, post.number, POSTS_PER_PAGE)} className="rounded hover:text-fjord-800 hover:underline">
                      {post.threadTitle}
                    </Link>
                  </h3>
                  <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-ink-muted">
                    <span className="tabular-nums">#{post.number}</span>
                    <span aria-hidden="true">·</span>
                    <RelativeTime value={post.createdAt.toISOString()} now={now} />
                    <span aria-hidden="true">·</span>
                    <Link href={categoryHref(post.categorySlug)} className="inline-flex items-center gap-1.5 rounded hover:underline">
                      <CategoryDot color={post.categoryColor} />
                      {locale === 'en' ? post.categoryNameEn : post.categoryNameNb}
                    </Link>
                    <LanguageTag language={post.language} />
                  </p>
                  {/* Long posts are cut short with a fade; the thread has the rest. */}
                  <div className={post.html.length > 500 ? 'relative mt-3 max-h-40 overflow-hidden' : 'mt-3'}>
                    <PostBody html={post.html} lang={post.language} />
                    {post.html.length > 500 ? (
                      <div aria-hidden="true" className="pointer-events-none absolute inset-x-0 bottom-0 h-10 bg-gradient-to-t from-white" />
                    ) : null}
                  </div>
                </Card>
              </li>
            ))}
          </ol>
        )}
      </section>
    </Container>
  );
}
