import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { IconArrowRight, IconBook, IconMapPin, IconNews, IconSuitcase, IconUsers, type IconProps } from '@/app/_components/ui/Icon';
import { IconPencil } from '@/app/forum/_components/forum-icons';
import { browseLibrary } from '@/server/hub/library';
import { getRuntime } from '@/server/runtime';
import { EntryCard } from './library/_components/EntryCard';
import { LatestNews } from './news/_components/LatestNews';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('hub');
  return { title: t('metaTitle'), description: t('lead') };
}

/** What the hub offers; study trips, the agreement planner and job ads are built beside this page. */
const SECTIONS: Array<{ key: 'library' | 'news' | 'studyTrips' | 'agreement' | 'jobs'; href: string; Icon: (props: IconProps) => ReactNode }> = [
  { key: 'library', href: '/hub/library', Icon: IconBook },
  { key: 'news', href: '/hub/news', Icon: IconNews },
  { key: 'studyTrips', href: '/hub/study-trips', Icon: IconSuitcase },
  { key: 'agreement', href: '/hub/agreement', Icon: IconPencil },
  { key: 'jobs', href: '/hub/jobs', Icon: IconUsers },
];

/** The National Hub for Place Independent Work: what it is, its first finding, and its parts. */
export default async function HubPage() {
  const t = await getTranslations('hub');
  const { entries } = await browseLibrary(getRuntime().db, {});
  const latestEntries = entries.slice(0, 3);

  return (
    <>
      <section aria-labelledby="hub-title" className="relative overflow-hidden border-b border-sand-200">
        <div aria-hidden="true" className="pointer-events-none absolute inset-0 bg-[radial-gradient(50rem_26rem_at_90%_-10%,var(--color-fjord-100),transparent_60%)]" />
        <Container size="wide" className="relative grid gap-10 py-12 sm:py-16 lg:grid-cols-[1.2fr_1fr] lg:items-center lg:gap-16 lg:py-20">
          <div>
            <p className="text-sm font-semibold tracking-wide text-fjord-700">{t('eyebrow')}</p>
            <h1 id="hub-title" className="mt-3 text-4xl leading-tight font-bold tracking-tight text-fjord-950 sm:text-5xl">
              {t('title')}
            </h1>
            <p className="mt-5 max-w-2xl text-lg leading-relaxed text-ink-muted">{t('lead')}</p>
            <p className="mt-4 max-w-2xl leading-relaxed text-ink-muted">{t('body')}</p>
            <div className="mt-8 flex flex-col gap-3 sm:flex-row">
              <ButtonLink href="/hub/library" size="lg" iconEnd={<IconArrowRight size={18} />}>
                {t('primaryCta')}
              </ButtonLink>
              <ButtonLink href="/hub/study-trips" size="lg" variant="secondary">
                {t('secondaryCta')}
              </ButtonLink>
            </div>
          </div>
          <figure className="surface-dark rounded-2xl bg-fjord-900 p-6 text-fjord-50 shadow-lg sm:p-8">
            <p className="text-sm font-semibold tracking-wide text-aurora-300">{t('finding.label')}</p>
            <blockquote className="mt-3 text-xl leading-relaxed font-medium sm:text-2xl">
              <p>{t('finding.quote')}</p>
            </blockquote>
            <figcaption className="mt-5 border-t border-fjord-700 pt-4 text-sm leading-relaxed text-fjord-200">{t('finding.caption')}</figcaption>
          </figure>
        </Container>
      </section>

      <section aria-labelledby="hub-sections" className="py-14 sm:py-20">
        <Container size="wide">
          <h2 id="hub-sections" className="text-2xl font-bold text-ink sm:text-3xl">
            {t('sectionsTitle')}
          </h2>
          <ul className="mt-8 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
            {SECTIONS.map(({ key, href, Icon }) => (
              <li key={key} className="flex">
                <Card interactive className="flex w-full flex-col gap-3">
                  <div aria-hidden="true" className="flex size-11 items-center justify-center rounded-xl bg-fjord-600 text-white shadow-sm">
                    <Icon size={22} />
                  </div>
                  <h3 className="text-lg font-semibold text-ink">
                    <Link href={href} className="rounded after:absolute after:inset-0 after:rounded-2xl hover:text-fjord-800">
                      {t(`sections.${key}.title`)}
                    </Link>
                  </h3>
                  <p className="text-[0.9375rem] leading-relaxed text-ink-muted">{t(`sections.${key}.body`)}</p>
                  <span aria-hidden="true" className="mt-auto inline-flex items-center gap-1.5 pt-2 text-sm font-semibold text-fjord-700">
                    {t(`sections.${key}.link`)} <IconArrowRight size={16} />
                  </span>
                </Card>
              </li>
            ))}
            <li className="flex">
              <Card className="flex w-full flex-col gap-3 bg-birch-50/60">
                <div aria-hidden="true" className="flex size-11 items-center justify-center rounded-xl bg-birch-100 text-birch-700">
                  <IconMapPin size={22} />
                </div>
                <h3 className="text-lg font-semibold text-ink">{t('visit.title')}</h3>
                <p className="text-[0.9375rem] leading-relaxed text-ink-muted">{t('visit.body')}</p>
                <address className="mt-auto pt-2 text-sm font-medium text-ink not-italic">Dyrøyseminarsenteret KF, Tverrveien 1, 9311 Brøstadbotn</address>
              </Card>
            </li>
          </ul>
        </Container>
      </section>

      {latestEntries.length ? (
        <section aria-labelledby="hub-library" className="border-t border-sand-200 bg-white py-14 sm:py-20">
          <Container size="wide">
            <div className="flex flex-col gap-4 md:flex-row md:items-end md:justify-between">
              <div className="max-w-2xl">
                <h2 id="hub-library" className="text-2xl font-bold text-ink sm:text-3xl">
                  {t('libraryTitle')}
                </h2>
                <p className="mt-3 text-ink-muted">{t('libraryLead')}</p>
              </div>
              <ButtonLink href="/hub/library" variant="secondary" iconEnd={<IconArrowRight size={16} />}>
                {t('libraryAll')}
              </ButtonLink>
            </div>
            <ul className="mt-8 grid gap-5 md:grid-cols-3">
              {latestEntries.map((entry) => (
                <li key={entry.id}>
                  <EntryCard entry={entry} />
                </li>
              ))}
            </ul>
          </Container>
        </section>
      ) : null}

      <LatestNews />
    </>
  );
}
