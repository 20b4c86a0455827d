import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { cache } from 'react';
import { Container } from '@/app/_components/ui/Container';
import { getForumActor } from '@/server/auth/current-user';
import { ForumError } from '@/server/forum/errors';
import { canPost, isModerator } from '@/server/forum/permissions';
import { followState, getThread, listCategories, listPosts, pageAfter, POSTS_PER_PAGE } from '@/server/forum/reading';
import { getRuntime } from '@/server/runtime';
import { ThreadView } from '../../_components/ThreadView';
import type { PostItem } from '../../_lib/types';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// generateMetadata and the page ask for the same thread once per request.
const loadThread = cache(async (id: string) => {
  const actor = await getForumActor();
  try {
    return { actor, ...(await getThread(getRuntime().db, actor, id)) };
  } catch (error) {
    if (error instanceof ForumError && error.code === 'not_found') notFound();
    throw error;
  }
});

/** Plain text of server-made HTML, for the meta description. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!)
    .replace(/\s+/g, ' ')
    .trim();
}

function excerpt(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

// The opening post: the meta description and the thread's author (one query pair, not two).
const loadFirstPost = cache(async (id: string) => {
  const { actor, thread } = await loadThread(id);
  const { posts } = await listPosts(getRuntime().db, actor, thread, 0, 1);
  return posts[0];
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const { thread, category } = await loadThread(id);
  const locale = (await getLocale()) === 'en' ? 'en' : 'nb';
  const first = await loadFirstPost(thread.id);
  const url = `${getRuntime().config.publicUrl}/forum/t/${thread.id}`;
  const description = excerpt(first && !first.hidden ? textOf(first.html) : locale === 'en' ? category.descriptionEn : category.descriptionNb);
  return {
    title: thread.title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: 'article',
      title: thread.title,
      description,
      url,
      siteName: 'Hubro',
      publishedTime: thread.createdAt.toISOString(),
      modifiedTime: thread.lastPostAt.toISOString(),
      section: locale === 'en' ? category.nameEn : category.nameNb,
      locale: thread.language === 'en' ? 'en_GB' : 'nb_NO',
    },
    twitter: { card: 'summary', title: thread.title, description },
  };
}

export default async function ThreadPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { actor, thread, category } = await loadThread(id);
  const { db } = getRuntime();
  const locale = (await getLocale()) === 'en' ? 'en' : 'nb';
  // Any ?after= lands on a page boundary, and never past the last page.
  const requested = Number(Array.isArray(query.after) ? query.after[0] : query.after);
  const after = Number.isInteger(requested) && requested > 0 ? Math.min(pageAfter(requested + 1), pageAfter(thread.postCount)) : 0;
  const moderator = isModerator(actor);
  const [{ posts, more }, following, categories, author] = await Promise.all([
    listPosts(db, actor, thread, after),
    followState(db, actor, { threadId: thread.id }),
    moderator ? listCategories(db, actor, locale) : Promise.resolve([]),
    loadFirstPost(thread.id),
  ]);
  const items: PostItem[] = posts.map((p) => ({
    ...p,
    createdAt: p.createdAt.toISOString(),
    editedAt: p.editedAt?.toISOString() ?? null,
  }));

  return (
    <Container size="default" className="max-w-4xl py-8 sm:py-12">
      <ThreadView
        thread={{
          id: thread.id,
          title: thread.title,
          language: thread.language,
          locked: thread.locked,
          pinned: thread.pinned,
          hidden: thread.hidden,
          postCount: thread.postCount,
          categoryId: thread.categoryId,
          authorId: thread.authorId,
          authorName: author?.authorName ?? '',
          authorHandle: author?.authorHandle ?? '',
          createdAt: thread.createdAt.toISOString(),
        }}
        category={{ id: category.id, slug: category.slug, name: locale === 'en' ? category.nameEn : category.nameNb, color: category.color }}
        posts={items}
        after={after}
        more={more}
        perPage={POSTS_PER_PAGE}
        now={new Date().toISOString()}
        viewer={
          actor
            ? {
                id: actor.id,
                moderator,
                canPost: canPost(category, actor),
                suspendedUntil: actor.suspendedUntil?.toISOString() ?? null,
              }
            : null
        }
        following={following}
        categories={categories.map((c) => ({ id: c.id, slug: c.slug, name: c.name }))}
        uiLanguage={locale}
      />
    </Container>
  );
}
