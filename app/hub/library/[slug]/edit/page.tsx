import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getForumActor } from '@/server/auth/current-user';
import { findLibraryEntry } from '@/server/hub/library';
import { isEditor } from '@/server/hub/roles';
import { getRuntime } from '@/server/runtime';
import { LibraryEntryForm } from '../../_components/LibraryEntryForm';
import { entryHref, fileSizeLabel } from '../../_lib/entry-view';

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('library.edit');
  return { title: t('metaTitle'), robots: { index: false } };
}

/** Editors correct an entry; a new PDF replaces the old one. */
export default async function EditEntryPage({ params }: Params) {
  const [{ slug }, actor, locale, t] = await Promise.all([params, getForumActor(), getLocale(), getTranslations('library.edit')]);
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`${entryHref(slug)}/edit`)}`);
  const view = isEditor(actor) ? await findLibraryEntry(getRuntime().db, actor, slug) : null;
  if (!view) notFound();
  const { entry } = view;
  return (
    <Container size="default" className="flex max-w-3xl flex-col gap-8 py-10 sm:py-14">
      <PageHeader
        eyebrow={
          <Link href={entryHref(entry.slug)} className="rounded hover:underline">
            {entry.title}
          </Link>
        }
        title={t('title')}
      />
      <Card>
        <LibraryEntryForm
          editor
          initial={{
            id: entry.id,
            type: entry.type,
            documentLanguage: entry.documentLanguage,
            title: entry.title,
            authors: entry.authors,
            year: entry.year,
            summaryNb: entry.summaryNb,
            summaryEn: entry.summaryEn,
            tags: entry.tags,
            externalUrl: entry.externalUrl,
            currentFile: entry.fileName ? `PDF, ${fileSizeLabel(entry.fileSize ?? 0, locale)}` : null,
          }}
        />
      </Card>
    </Container>
  );
}
