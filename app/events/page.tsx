import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconCalendar } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { listEvents } from '@/server/events/events';
import { getRuntime } from '@/server/runtime';
import { IconPlus } from '../rooms/_components/room-icons';
import { EventCard } from './_components/EventCard';
import { toCard } from './_lib/event-queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('events.list');
  return { title: t('metaTitle'), description: t('lead') };
}

export default async function EventsPage() {
  const [t, user, localeName] = await Promise.all([getTranslations('events.list'), getCurrentUser(), getLocale()]);
  const locale = localeName === 'en' ? 'en' : 'nb';
  const { live, upcoming, past } = await listEvents(getRuntime().db, user ? { id: user.id, role: user.role } : null);
  const canCreate = user?.role === 'host' || user?.role === 'admin';

  return (
    <Container size="wide" className="flex flex-col gap-12 py-10 sm:py-14">
      <PageHeader
        eyebrow={t('eyebrow')}
        title={t('title')}
        lead={t('lead')}
        actions={
          canCreate ? (
            <ButtonLink href="/events/new" iconStart={<IconPlus size={18} />}>
              {t('create')}
            </ButtonLink>
          ) : null
        }
      />

      {live.length > 0 ? (
        <Section id="live-now" title={t('live')}>
          <ul className="grid gap-5">
            {live.map((row) => (
              <li key={row.event.id}>
                <EventCard event={toCard(row, locale)} variant="feature" />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section id="upcoming" title={t('upcoming')}>
        {upcoming.length > 0 ? (
          <ul className="grid gap-5 sm:grid-cols-2 xl:grid-cols-3">
            {upcoming.map((row) => (
              <li key={row.event.id} className="flex">
                <div className="flex w-full [&>article]:w-full">
                  <EventCard event={toCard(row, locale)} />
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState
            icon={<IconCalendar size={28} />}
            headingLevel={3}
            title={t('upcomingEmptyTitle')}
            body={canCreate ? t('upcomingEmptyHost') : t('upcomingEmptyBody')}
            action={
              canCreate ? (
                <ButtonLink href="/events/new" iconStart={<IconPlus size={18} />}>
                  {t('create')}
                </ButtonLink>
              ) : null
            }
          />
        )}
      </Section>

      {past.length > 0 ? (
        <Section id="past" title={t('past')}>
          <ul className="grid gap-3 lg:grid-cols-2">
            {past.map((row) => (
              <li key={row.event.id} className="flex [&>article]:w-full">
                <EventCard event={toCard(row, locale)} variant="row" />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </Container>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-5">
      <h2 id={id} className="text-2xl font-semibold text-ink">
        {title}
      </h2>
      {children}
    </section>
  );
}
