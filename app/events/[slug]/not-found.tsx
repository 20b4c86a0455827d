import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Container } from '@/app/_components/ui/Container';
import { IconArrowLeft, IconCalendar } from '@/app/_components/ui/Icon';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('events.notFound');
  return { title: t('title') };
}

/** An unknown event link (or an unlisted one with a typo). */
export default async function EventNotFound() {
  const t = await getTranslations('events.notFound');
  return (
    <Container size="narrow" className="flex flex-1 flex-col items-center justify-center py-20 text-center sm:py-28">
      <div aria-hidden="true" className="flex size-20 items-center justify-center rounded-full bg-fjord-50 text-fjord-600 ring-8 ring-fjord-50/50">
        <IconCalendar size={36} />
      </div>
      <h1 className="mt-8 text-3xl font-bold text-ink sm:text-4xl">{t('title')}</h1>
      <p className="mt-4 max-w-lg text-lg text-ink-muted">{t('body')}</p>
      <ButtonLink href="/events" className="mt-8" iconStart={<IconArrowLeft size={16} />}>
        {t('back')}
      </ButtonLink>
    </Container>
  );
}
