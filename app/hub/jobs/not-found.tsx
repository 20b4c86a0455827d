import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { IconSuitcase } from '@/app/_components/ui/Icon';
import { NotFoundPanel } from '@/app/_components/ui/NotFoundPanel';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('jobs.notFound');
  return { title: t('metaTitle') };
}

/** An unknown job slug. (A closed job keeps its page; only a missing one lands here.) */
export default async function JobNotFound() {
  const [t, tc] = await Promise.all([getTranslations('jobs.notFound'), getTranslations('common.notFound')]);
  return <NotFoundPanel icon={<IconSuitcase size={36} />} eyebrow={tc('eyebrow')} title={t('title')} body={t('body')} backHref="/hub/jobs" backLabel={t('back')} />;
}
