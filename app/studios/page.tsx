import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/app/_components/ui/Badge';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconCalendar, IconMapPin } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { getRuntime } from '@/server/runtime';
import { listStudios } from '@/server/studios/studios';
import { IconPlus, IconStudio } from '../spaces/_components/space-icons';
import { studioPlaceLine } from './_components/studio-place';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('studios.list');
  return { title: t('metaTitle'), description: t('lead') };
}

export default async function StudiosPage() {
  const [t, tv, locale, user] = await Promise.all([getTranslations('studios.list'), getTranslations('studios.venueKind'), getLocale(), getCurrentUser()]);
  const studios = await listStudios(getRuntime().db, locale === 'en' ? 'en' : 'nb');
  const mayRegister = user?.role === 'admin' || user?.role === 'host';
  return (
    <Container size="wide" className="flex flex-col gap-8 py-8 sm:py-12">
      <PageHeader
        eyebrow={t('eyebrow')}
        title={t('title')}
        lead={t('lead')}
        actions={
          mayRegister ? (
            <ButtonLink href="/studios/new" variant="secondary" iconStart={<IconPlus size={18} />}>
              {t('register')}
            </ButtonLink>
          ) : undefined
        }
      />
      {studios.length === 0 ? (
        <EmptyState icon={<IconStudio size={28} />} title={t('emptyTitle')} body={t('emptyBody')} />
      ) : (
        <ul className="grid gap-5 md:grid-cols-2 xl:grid-cols-3">
          {studios.map((studio) => (
            <li key={studio.slug}>
              <Card as="article" className="flex h-full flex-col">
                <div className="flex items-start justify-between gap-3">
                  <div aria-hidden="true" className="flex size-11 shrink-0 items-center justify-center rounded-xl bg-fjord-50 text-fjord-700">
                    <IconStudio size={22} />
                  </div>
                  <Badge tone={studio.venueKind === 'office_hotel' ? 'primary' : 'accent'}>{tv(studio.venueKind)}</Badge>
                </div>
                <h2 className="mt-4 text-lg font-semibold text-ink">
                  <Link href={`/studios/${studio.slug}`} className="rounded hover:underline">
                    {studio.name}
                  </Link>
                </h2>
                <p className="mt-1 flex items-start gap-1.5 text-sm text-ink-muted">
                  <IconMapPin size={16} className="mt-0.5 shrink-0" />
                  <span>{studioPlaceLine(studio.space)}</span>
                </p>
                <h3 className="mt-4 text-sm font-semibold text-ink">{t('equipment')}</h3>
                <p className="mt-1 flex-1 text-[0.9375rem] leading-relaxed text-ink-muted">{studio.equipment || t('noEquipment')}</p>
                <div className="mt-5">
                  <ButtonLink
                    href={`/studios/${studio.slug}#book`}
                    variant="secondary"
                    iconStart={<IconCalendar size={18} />}
                    aria-label={t('bookFor', { name: studio.name })}
                  >
                    {t('book')}
                  </ButtonLink>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </Container>
  );
}
