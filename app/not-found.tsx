import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from './_components/ui/Button';
import { Container } from './_components/ui/Container';
import { IconArrowLeft, IconCompass } from './_components/ui/Icon';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common.notFound');
  return { title: t('metaTitle') };
}

export default async function NotFound() {
  const t = await getTranslations('common');
  return (
    <Container size="narrow" className="flex flex-1 flex-col items-center justify-center py-20 text-center sm:py-28">
      <div
        aria-hidden="true"
        className="flex size-20 items-center justify-center rounded-full bg-fjord-50 text-fjord-600 ring-8 ring-fjord-50/50"
      >
        <IconCompass size={36} />
      </div>
      <p className="mt-8 text-sm font-semibold tracking-wide text-fjord-700">{t('notFound.eyebrow')}</p>
      <h1 className="mt-2 text-3xl font-bold text-ink sm:text-4xl">{t('notFound.title')}</h1>
      <p className="mt-4 max-w-lg text-lg text-ink-muted">{t('notFound.body')}</p>
      <ButtonLink href="/" className="mt-8" iconStart={<IconArrowLeft size={16} />}>
        {t('actions.backHome')}
      </ButtonLink>
    </Container>
  );
}
