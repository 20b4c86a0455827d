import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { listFeaturedSpaces } from '@/server/spaces/list-spaces';
import { FjordIllustration } from './_components/home/FjordIllustration';
import { SpaceCard } from './_components/home/SpaceCard';
import { LatestNews } from './hub/news/_components/LatestNews';
import { ButtonLink } from './_components/ui/Button';
import { Card } from './_components/ui/Card';
import { Container } from './_components/ui/Container';
import { EmptyState } from './_components/ui/EmptyState';
import {
  IconArrowRight,
  IconBook,
  IconBuilding,
  IconCheck,
  IconMic,
  IconMusic,
  IconGraduation,
  IconSignal,
  IconSuitcase,
  IconUsers,
  IconVideo,
} from './_components/ui/Icon';

function SectionHeading({
  id,
  eyebrow,
  title,
  lead,
  action,
}: {
  id: string;
  eyebrow: string;
  title: string;
  lead?: string;
  action?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-4 md:flex-row md:items-end md:justify-between">
      <div className="max-w-2xl">
        <p className="text-sm font-semibold tracking-wide text-fjord-700">{eyebrow}</p>
        <h2 id={id} className="mt-2 text-3xl font-bold text-ink sm:text-4xl">
          {title}
        </h2>
        {lead ? <p className="mt-4 text-lg text-ink-muted">{lead}</p> : null}
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </div>
  );
}

const PILLARS = [
  { key: 'community', href: '/forum', Icon: IconUsers },
  { key: 'spaces', href: '/spaces', Icon: IconBuilding },
  { key: 'video', href: '/rooms', Icon: IconVideo },
] as const;

const DYROY_ITEMS = [
  { key: 'officeHotel', Icon: IconBuilding },
  { key: 'studios', Icon: IconMic },
  { key: 'concert', Icon: IconMusic },
  { key: 'spanish', Icon: IconGraduation },
  { key: 'trips', Icon: IconSuitcase },
] as const;

const LESSONS = ['model', 'dialogue', 'meetings', 'services'] as const;
const FACTS = ['since', 'studios', 'fibre', 'reach'] as const;

export default async function HomePage() {
  const [t, spaces] = await Promise.all([getTranslations('home'), listFeaturedSpaces()]);

  return (
    <>
      {/* Hero */}
      <section aria-labelledby="hero-title" className="relative overflow-hidden border-b border-sand-200">
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-0 bg-[radial-gradient(60rem_30rem_at_10%_-10%,var(--color-fjord-100),transparent_60%)]"
        />
        <Container size="wide" className="relative grid items-center gap-12 py-14 sm:py-20 lg:grid-cols-[1.05fr_1fr] lg:gap-16 lg:py-24">
          <div>
            <p className="inline-flex items-center gap-2 rounded-full bg-white/80 px-3 py-1 text-sm font-semibold text-fjord-700 ring-1 ring-fjord-200">
              <span aria-hidden="true" className="size-1.5 rounded-full bg-aurora-400" />
              {t('hero.eyebrow')}
            </p>
            <h1
              id="hero-title"
              className="mt-6 text-4xl leading-[1.08] font-bold tracking-tight text-fjord-950 sm:text-5xl xl:text-6xl"
            >
              {t('hero.title')}
            </h1>
            <p className="mt-6 max-w-xl text-lg leading-relaxed text-ink-muted sm:text-xl">{t('hero.lead')}</p>
            <div className="mt-8 flex flex-col gap-3 sm:flex-row">
              <ButtonLink href="/sign-up" size="lg" iconEnd={<IconArrowRight size={18} />}>
                {t('hero.primaryCta')}
              </ButtonLink>
              <ButtonLink href="/spaces" size="lg" variant="secondary">
                {t('hero.secondaryCta')}
              </ButtonLink>
            </div>
            <p className="mt-4 text-sm text-ink-muted">{t('hero.note')}</p>
          </div>

          <div className="relative">
            <div className="overflow-hidden rounded-3xl shadow-lg ring-1 ring-fjord-900/10">
              <FjordIllustration className="aspect-[14/11] w-full" />
            </div>
            <ul className="mt-4 flex flex-wrap gap-2 lg:mt-0">
              {(
                [
                  ['fibre', IconSignal, 'lg:absolute lg:-left-6 lg:top-10'],
                  ['studios', IconMic, 'lg:absolute lg:-right-4 lg:top-[42%]'],
                  ['officeHotel', IconBuilding, 'lg:absolute lg:left-8 lg:-bottom-5'],
                ] as const
              ).map(([key, Icon, position]) => (
                <li
                  key={key}
                  className={`inline-flex items-center gap-2 rounded-full bg-white px-3.5 py-2 text-sm font-medium text-ink shadow-md ring-1 ring-sand-200 ${position}`}
                >
                  <Icon size={16} className="text-fjord-600" />
                  {t(`hero.chips.${key}`)}
                </li>
              ))}
            </ul>
          </div>
        </Container>
      </section>

      {/* Facts */}
      <section aria-label={t('facts.label')} className="bg-white">
        <Container size="wide">
          <dl className="grid grid-cols-2 gap-x-6 py-2 lg:grid-cols-4 lg:gap-x-0 lg:divide-x lg:divide-sand-200 lg:py-0">
            {FACTS.map((key) => (
              <div key={key} className="flex flex-col-reverse justify-end gap-1 py-4 sm:py-6 lg:px-8 lg:py-8 lg:first:pl-0">
                <dt className="text-sm leading-snug text-ink-muted">{t(`facts.${key}.label`)}</dt>
                <dd className="text-xl font-bold tracking-tight text-fjord-800 sm:text-2xl">{t(`facts.${key}.value`)}</dd>
              </div>
            ))}
          </dl>
        </Container>
      </section>

      {/* Pillars */}
      <section aria-labelledby="pillars-title" className="py-16 sm:py-24">
        <Container size="wide">
          <SectionHeading
            id="pillars-title"
            eyebrow={t('pillars.eyebrow')}
            title={t('pillars.title')}
            lead={t('pillars.lead')}
          />
          <ul className="mt-12 grid gap-6 lg:grid-cols-3">
            {PILLARS.map(({ key, href, Icon }) => (
              <li key={key}>
                <Card padding="lg" className="flex h-full flex-col">
                  <div
                    aria-hidden="true"
                    className="flex size-12 items-center justify-center rounded-xl bg-fjord-600 text-white shadow-sm"
                  >
                    <Icon size={24} />
                  </div>
                  <h3 className="mt-5 text-xl font-semibold text-ink">{t(`pillars.${key}.title`)}</h3>
                  <p className="mt-2 text-ink-muted">{t(`pillars.${key}.body`)}</p>
                  <ul className="mt-5 flex flex-1 flex-col gap-2.5 text-[0.9375rem]">
                    {(t.raw(`pillars.${key}.points`) as string[]).map((point) => (
                      <li key={point} className="flex gap-2.5">
                        <IconCheck size={18} className="mt-0.5 shrink-0 text-fjord-500" />
                        <span>{point}</span>
                      </li>
                    ))}
                  </ul>
                  <Link
                    href={href}
                    className="group mt-6 inline-flex items-center gap-1.5 self-start rounded font-semibold text-fjord-700 hover:text-fjord-900"
                  >
                    {t(`pillars.${key}.link`)}
                    <IconArrowRight size={16} className="transition-transform duration-150 group-hover:translate-x-0.5" />
                  </Link>
                </Card>
              </li>
            ))}
          </ul>
        </Container>
      </section>

      {/* Spaces */}
      <section aria-labelledby="spaces-title" className="border-y border-sand-200 bg-sand-100/60 py-16 sm:py-24">
        <Container size="wide">
          <SectionHeading
            id="spaces-title"
            eyebrow={t('spaces.eyebrow')}
            title={t('spaces.title')}
            lead={t('spaces.lead')}
            action={
              spaces.length > 0 ? (
                <ButtonLink href="/spaces" variant="secondary" iconEnd={<IconArrowRight size={16} />}>
                  {t('spaces.all')}
                </ButtonLink>
              ) : null
            }
          />
          <div className="mt-10">
            {spaces.length > 0 ? (
              <ul aria-label={t('spaces.listLabel')} className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
                {spaces.map((space) => (
                  <li key={space.slug}>
                    <SpaceCard space={space} />
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState
                headingLevel={3}
                icon={<IconBuilding size={28} />}
                title={t('spaces.emptyTitle')}
                body={t('spaces.emptyBody')}
                action={
                  <ButtonLink href="/spaces" variant="secondary">
                    {t('spaces.emptyAction')}
                  </ButtonLink>
                }
                className="bg-white"
              />
            )}
          </div>
        </Container>
      </section>

      {/* Dyrøy */}
      <section aria-labelledby="dyroy-title" className="py-16 sm:py-24">
        <Container size="wide" className="grid gap-12 lg:grid-cols-[1fr_1.1fr] lg:gap-16">
          <div>
            <SectionHeading id="dyroy-title" eyebrow={t('dyroy.eyebrow')} title={t('dyroy.title')} lead={t('dyroy.lead')} />
            <figure className="surface-dark mt-10 rounded-2xl bg-fjord-900 p-6 text-fjord-50 shadow-lg sm:p-8">
              <blockquote className="text-lg leading-relaxed font-medium">
                <p>«{t('dyroy.quote')}»</p>
              </blockquote>
              <figcaption className="mt-5 border-t border-fjord-700 pt-4 text-sm text-fjord-200">
                {t('dyroy.quoteCaption')}
              </figcaption>
            </figure>
          </div>
          <Card as="ul" padding="none" className="divide-y divide-sand-200 self-start">
            {DYROY_ITEMS.map(({ key, Icon }) => (
              <li key={key} className="flex items-start gap-4 p-5 sm:p-6">
                <div
                  aria-hidden="true"
                  className="flex size-11 shrink-0 items-center justify-center rounded-xl bg-birch-100 text-birch-700"
                >
                  <Icon size={22} />
                </div>
                <div>
                  <h3 className="font-semibold text-ink">{t(`dyroy.items.${key}.title`)}</h3>
                  <p className="mt-1 text-[0.9375rem] leading-relaxed text-ink-muted">{t(`dyroy.items.${key}.body`)}</p>
                </div>
              </li>
            ))}
          </Card>
        </Container>
      </section>

      {/* Lessons */}
      <section aria-labelledby="lessons-title" className="border-t border-sand-200 bg-white py-16 sm:py-24">
        <Container size="wide">
          <SectionHeading
            id="lessons-title"
            eyebrow={t('lessons.eyebrow')}
            title={t('lessons.title')}
            lead={t('lessons.lead')}
          />
          <ol className="mt-12 grid gap-x-8 gap-y-10 sm:grid-cols-2 lg:grid-cols-4">
            {LESSONS.map((key, index) => (
              <li key={key} className="border-t-2 border-fjord-600 pt-5">
                <p aria-hidden="true" className="font-mono text-sm font-semibold text-fjord-600">
                  {String(index + 1).padStart(2, '0')}
                </p>
                <h3 className="mt-2 text-lg font-semibold text-ink">{t(`lessons.items.${key}.title`)}</h3>
                <p className="mt-2 text-[0.9375rem] leading-relaxed text-ink-muted">{t(`lessons.items.${key}.body`)}</p>
              </li>
            ))}
          </ol>
        </Container>
      </section>

      {/* News from the hub */}
      <LatestNews />

      {/* Call to action */}
      <section aria-labelledby="cta-title" className="bg-white px-4 pb-16 sm:px-6 sm:pb-24 lg:px-8">
        <div className="surface-dark relative mx-auto max-w-7xl overflow-hidden rounded-3xl bg-fjord-800 px-6 py-14 text-center shadow-lg sm:px-12 sm:py-20">
          <div
            aria-hidden="true"
            className="pointer-events-none absolute inset-0 bg-[radial-gradient(40rem_20rem_at_50%_-20%,rgb(143_220_196/0.35),transparent_70%)]"
          />
          <div className="relative mx-auto max-w-2xl">
            <IconBook size={32} className="mx-auto text-aurora-300" />
            <h2 id="cta-title" className="mt-4 text-3xl font-bold text-white sm:text-4xl">
              {t('cta.title')}
            </h2>
            <p className="mt-4 text-lg text-fjord-100">{t('cta.body')}</p>
            <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">
              <ButtonLink href="/sign-up" size="lg" variant="inverse">
                {t('cta.primary')}
              </ButtonLink>
              <ButtonLink href="/forum" size="lg" variant="inverseOutline">
                {t('cta.secondary')}
              </ButtonLink>
            </div>
          </div>
        </div>
      </section>
    </>
  );
}
