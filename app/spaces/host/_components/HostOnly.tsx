import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Container } from '@/app/_components/ui/Container';
import { IconArrowLeft } from '@/app/_components/ui/Icon';
import { IconShield } from '../../_components/space-icons';

/**
 * What a signed-in member who is not a host sees at /spaces/host: a 403 in words, with how to
 * become one (the page's existence is no secret, unlike another host's space).
 */
export async function HostOnly() {
  const t = await getTranslations('spaces.hostOnly');
  return (
    <Container size="narrow" className="flex flex-1 flex-col items-center justify-center py-20 text-center sm:py-28">
      <div aria-hidden="true" className="flex size-20 items-center justify-center rounded-full bg-warning-50 text-warning-600 ring-8 ring-warning-50/50">
        <IconShield size={36} />
      </div>
      <p className="mt-8 text-sm font-semibold tracking-wide text-warning-700">{t('eyebrow')}</p>
      <h1 className="mt-2 text-3xl font-bold text-ink sm:text-4xl">{t('title')}</h1>
      <p className="mt-4 max-w-lg text-lg text-ink-muted">{t('body')}</p>
      <ButtonLink href="/spaces" className="mt-8" iconStart={<IconArrowLeft size={16} />}>
        {t('back')}
      </ButtonLink>
    </Container>
  );
}
