import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LocalTime } from '@/app/_components/LocalTime';
import { Badge } from '@/app/_components/ui/Badge';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getForumActor } from '@/server/auth/current-user';
import { mySuggestions } from '@/server/hub/library';
import { isEditor } from '@/server/hub/roles';
import { getRuntime } from '@/server/runtime';
import { LibraryEntryForm } from '../_components/LibraryEntryForm';
import { entryHref } from '../_lib/entry-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('library.suggest');
  return { title: t('metaTitle'), robots: { index: false } };
}

const TONE = { pending: 'warning', published: 'success', rejected: 'danger' } as const;

/** Members suggest an entry (it waits for an editor); editors add one directly. */
export default async function SuggestPage() {
  const [actor, t, tl] = await Promise.all([getForumActor(), getTranslations('library.suggest'), getTranslations('library')]);
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent('/hub/library/suggest')}`);
  const editor = isEditor(actor);
  const mine = editor ? [] : await mySuggestions(getRuntime().db, actor);
  return (
    <Container size="default" className="flex max-w-3xl flex-col gap-8 py-10 sm:py-14">
      <PageHeader
        eyebrow={
          <Link href="/hub/library" className="rounded hover:underline">
            {tl('index.title')}
          </Link>
        }
        title={editor ? t('titleEditor') : t('title')}
        lead={editor ? t('leadEditor') : t('lead')}
      />
      <Card>
        <LibraryEntryForm editor={editor} />
      </Card>
      {mine.length ? (
        <section aria-labelledby="my-suggestions" className="flex flex-col gap-3">
          <h2 id="my-suggestions" className="text-lg font-semibold text-ink">
            {t('mine')}
          </h2>
          <ul className="divide-y divide-sand-100 rounded-2xl border border-sand-200 bg-white">
            {mine.map((entry) => (
              <li key={entry.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <Link href={entryHref(entry.slug)} className="rounded font-medium text-fjord-800 hover:underline">
                  {entry.title}
                </Link>
                <span className="flex items-center gap-3 text-sm text-ink-muted">
                  <LocalTime value={entry.createdAt.toISOString()} dateStyle="medium" />
                  <Badge tone={TONE[entry.status]}>{t(`status.${entry.status}`)}</Badge>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Container>
  );
}
