import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { IconCompass } from '@/app/_components/ui/Icon';
import { NotFoundPanel } from '@/app/_components/ui/NotFoundPanel';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('spaces.notFound');
  return { title: t('metaTitle') };
}

/** A missing space, or one the viewer may not see (pending, someone else's): all look the same. */
export default async function SpacesNotFound() {
  const [t, tc] = await Promise.all([getTranslations('spaces.notFound'), getTranslations('common.notFound')]);
  return <NotFoundPanel icon={<IconCompass size={36} />} eyebrow={tc('eyebrow')} title={t('title')} body={t('body')} backHref="/spaces" backLabel={t('back')} />;
}
