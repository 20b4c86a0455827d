import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { LocalTime } from '@/app/_components/LocalTime';
import { Card } from '@/app/_components/ui/Card';
import { IconNews } from '@/app/_components/ui/Icon';
import { LanguageTag } from '@/app/forum/_components/LanguageTag';
import type { NewsCard } from '@/server/hub/news';

export function newsHref(slug: string): string {
  return `/hub/news/${encodeURIComponent(slug)}`;
}

/** A news post in a list: cover, title, date in the viewer's zone, the space it is from, a short excerpt. */
export function NewsCardView({ post, headingLevel = 3, showSpace = true }: { post: NewsCard; headingLevel?: 2 | 3; showSpace?: boolean }) {
  const t = useTranslations('news');
  const Heading = `h${headingLevel}` as const;
  return (
    <Card as="article" padding="none" interactive className="flex h-full flex-col overflow-hidden">
      {post.cover ? (
        <img src={`/uploads/${post.cover}`} alt="" loading="lazy" className="aspect-[16/9] max-h-72 w-full object-cover" />
      ) : (
        <div aria-hidden="true" className="flex aspect-[16/9] max-h-72 w-full items-center justify-center bg-gradient-to-br from-fjord-100 to-fjord-50 text-fjord-400">
          <IconNews size={40} />
        </div>
      )}
      <div className="flex flex-1 flex-col gap-2 p-5">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-ink-muted">
          <LocalTime value={post.publishedAt.toISOString()} dateStyle="long" />
          {showSpace && post.space ? (
            <>
              <span aria-hidden="true">·</span>
              <span>{post.space.name}</span>
            </>
          ) : null}
          <LanguageTag language={post.language} />
        </p>
        <Heading lang={post.language} className="text-lg leading-snug font-semibold text-ink">
          <Link href={newsHref(post.slug)} className="rounded after:absolute after:inset-0 after:rounded-2xl hover:text-fjord-800">
            {post.title}
          </Link>
        </Heading>
        <p lang={post.language} className="line-clamp-3 text-[0.9375rem] leading-relaxed text-ink-muted">
          {post.excerpt}
        </p>
        {post.authorName ? <p className="mt-auto pt-2 text-sm text-ink-muted">{t('card.by', { name: post.authorName })}</p> : null}
      </div>
    </Card>
  );
}
