import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { getCurrentUser } from '@/server/auth/current-user';
import type { PrimarySection } from './shell/Header';
import { Badge } from './ui/Badge';
import { ButtonLink } from './ui/Button';
import { Card } from './ui/Card';
import { Container } from './ui/Container';
import {
  IconArrowLeft,
  IconBook,
  IconBuilding,
  IconCalendar,
  IconChat,
  IconCheck,
  IconGraduation,
  IconSparkle,
  IconVideo,
  type IconProps,
} from './ui/Icon';
import { PageHeader } from './ui/PageHeader';

const ICONS: Record<PrimarySection, (props: IconProps) => ReactNode> = {
  forum: IconChat,
  rooms: IconVideo,
  lessons: IconGraduation,
  events: IconCalendar,
  spaces: IconBuilding,
  studios: IconVideo,
  hub: IconBook,
};

export async function comingSoonMetadata(section: PrimarySection) {
  const t = await getTranslations('soon');
  return { title: t(`${section}.metaTitle`), description: t(`${section}.lead`) };
}

/** The honest placeholder for a section that is not built yet: what it will hold, and a way back. */
export async function ComingSoon({ section }: { section: PrimarySection }) {
  const [t, tc, user] = await Promise.all([getTranslations('soon'), getTranslations('common'), getCurrentUser()]);
  const Icon = ICONS[section];
  const points = t.raw(`${section}.points`) as string[];

  return (
    <Container size="wide" className="py-12 sm:py-16 lg:py-20">
      <PageHeader
        eyebrow={
          <Badge tone="accent" icon={<IconSparkle size={14} />}>
            {t('eyebrow')}
          </Badge>
        }
        title={t(`${section}.title`)}
        lead={t(`${section}.lead`)}
      />

      <div className="mt-10 grid gap-6 lg:mt-12 lg:grid-cols-[1.2fr_1fr] lg:items-start">
        <Card padding="lg" as="section" aria-labelledby="soon-planned">
          <h2 id="soon-planned" className="text-lg font-semibold text-ink">
            {t('planned')}
          </h2>
          <ul className="mt-5 flex flex-col gap-4">
            {points.map((point) => (
              <li key={point} className="flex gap-3">
                <span
                  aria-hidden="true"
                  className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-fjord-50 text-fjord-700"
                >
                  <IconCheck size={15} />
                </span>
                <span className="text-ink">{point}</span>
              </li>
            ))}
          </ul>
        </Card>

        <section
          aria-labelledby="soon-building"
          className="surface-dark relative flex flex-col items-center overflow-hidden rounded-2xl bg-fjord-900 px-6 py-10 text-center text-fjord-50 shadow-lg sm:px-10"
        >
          <div
            aria-hidden="true"
            className="pointer-events-none absolute inset-0 bg-[radial-gradient(28rem_16rem_at_50%_0%,rgb(143_220_196/0.28),transparent_70%)]"
          />
          <div aria-hidden="true" className="relative flex size-28 items-center justify-center">
            <span className="absolute inset-0 rounded-full bg-fjord-700/40 ring-1 ring-fjord-500/40" />
            <span className="absolute inset-3 rounded-full bg-fjord-700/60 ring-1 ring-fjord-400/40" />
            <span className="relative flex size-16 items-center justify-center rounded-2xl bg-white text-fjord-700 shadow-lg">
              <Icon size={30} />
            </span>
            <IconSparkle size={22} className="absolute -top-1 right-0 text-birch-300" />
          </div>
          <h2 id="soon-building" className="relative mt-6 text-xl font-semibold text-white">
            {t('building')}
          </h2>
          <p className="relative mt-2 max-w-sm text-fjord-100">{t(user ? 'buildingBodyMember' : 'buildingBody')}</p>
          <div className="relative mt-7 flex w-full flex-col justify-center gap-3 sm:w-auto sm:flex-row">
            {user ? null : (
              <ButtonLink href="/sign-up" variant="inverse">
                {t('join')}
              </ButtonLink>
            )}
            <ButtonLink href="/" variant={user ? 'inverse' : 'inverseOutline'} iconStart={<IconArrowLeft size={16} />}>
              {tc('actions.backHome')}
            </ButtonLink>
          </div>
        </section>
      </div>
    </Container>
  );
}
